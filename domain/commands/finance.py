"""Commands on the condo's money: expenses (recorded, corrected, voided) and yearly budgets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from domain.account import Role
from domain.base import Actor
from domain.budget import Budget, budget_id_for, check_year
from domain.building import Building
from domain.commands.plumbing import CondosBase, Receipt, only_changed
from domain.condo import Condo
from domain.equipment import Equipment
from domain.errors import InvalidValue
from domain.expense import CORRECTABLE_FIELDS, Expense, check_not_future


@dataclass(frozen=True)
class BudgetReceipt(Receipt):
    """A receipt that also says whether the budget was created by this command."""

    created: bool = False


class FinanceCommands(CondosBase):
    # -- expenses ---------------------------------------------------------------------------

    def record_expense(
        self,
        by: Actor,
        copro_id: UUID,
        *,
        date: date,
        amount_cents: int,
        category: str,
        supplier: str,
        description: str = "",
        building_id: UUID | None = None,
        equipment_id: UUID | None = None,
        invoice_ref: str | None = None,
    ) -> Receipt:
        with self._command(by):
            condo = self._get(Condo, copro_id)
            self._require_role(by, copro_id, Role.MANAGER)
            condo.check_active()
            self._check_where(copro_id, building_id=building_id, equipment_id=equipment_id)
            expense = Expense(
                copro_id=copro_id,
                date=past_day(date, "date"),
                amount_cents=amount_cents,
                category=category,
                supplier=supplier,
                description=description,
                building_id=building_id,
                equipment_id=equipment_id,
                invoice_ref=invoice_ref,
            )
            return self._save(expense)

    def correct_expense(
        self, by: Actor, expense_id: UUID, changes: dict[str, Any], *, reason: str
    ) -> Receipt:
        """Replaces some recorded values; the event keeps only those that differ."""
        with self._command(by):
            expense = self._get(Expense, expense_id)
            self._require_role(by, expense.copro_id, Role.MANAGER)
            expense.check_not_voided()
            if isinstance(changes.get("date"), date):
                changes["date"] = past_day(changes["date"], "date")
            changes = only_changed(expense, changes, CORRECTABLE_FIELDS)
            self._check_where(
                expense.copro_id,
                building_id=changes.get("building_id"),
                equipment_id=changes.get("equipment_id"),
            )
            expense.correct(changes=changes, reason=reason)
            return self._save(expense)

    def void_expense(self, by: Actor, expense_id: UUID, *, reason: str) -> Receipt:
        with self._command(by):
            expense = self._get(Expense, expense_id)
            self._require_role(by, expense.copro_id, Role.MANAGER)
            expense.void(reason=reason)
            return self._save(expense)

    def expense(self, expense_id: UUID) -> Expense:
        return self._get(Expense, expense_id)

    def _check_where(
        self, copro_id: UUID, *, building_id: UUID | None, equipment_id: UUID | None
    ) -> None:
        """An expense may name a building or equipment of its condo, archived or retired
        ones included: their last invoices come after they leave."""
        if building_id is not None:
            building = self._find(Building, building_id)
            if building is None or building.copro_id != copro_id:
                raise InvalidValue("building_id", "no such building in this condo")
        if equipment_id is not None:
            equipment = self._find(Equipment, equipment_id)
            if equipment is None or equipment.copro_id != copro_id:
                raise InvalidValue("equipment_id", "no such equipment in this condo")

    # -- budgets ----------------------------------------------------------------------------

    def set_budget(
        self,
        by: Actor,
        copro_id: UUID,
        year: int,
        *,
        lines: dict[str, int],
        reason: str | None = None,
    ) -> BudgetReceipt:
        """Creates the year's budget, revises it while provisional, or amends it once approved
        (which needs a reason). The same lines again change nothing."""
        with self._command(by):
            condo = self._get(Condo, copro_id)
            self._require_role(by, copro_id, Role.MANAGER)
            check_year(year)
            budget = self._find(Budget, budget_id_for(copro_id, year))
            if budget is None:
                condo.check_active()
                budget = Budget(
                    id=budget_id_for(copro_id, year), copro_id=copro_id, year=year, lines=lines
                )
            else:
                budget.change_lines(lines=lines, reason=reason)
            created = budget.version == len(budget.pending_events)
            receipt = self._save(budget)
            return BudgetReceipt(receipt.id, receipt.version, receipt.position, created)

    def approve_budget(self, by: Actor, copro_id: UUID, year: int, *, approved_on: date) -> Receipt:
        """Records the general assembly's approval of the year's budget, on that day."""
        with self._command(by):
            self._get(Condo, copro_id)
            self._require_role(by, copro_id, Role.MANAGER)
            check_year(year)
            budget = self.budget(copro_id, year)
            budget.approve(approved_on=past_day(approved_on, "approved_on"))
            return self._save(budget)

    def budget(self, copro_id: UUID, year: int) -> Budget:
        return self._get(Budget, budget_id_for(copro_id, year))


def past_day(day: date, field: str) -> str:
    """The day as stored (ISO), refused when it is still to come."""
    check_not_future(day, datetime.now(UTC), field)
    return day.isoformat()
