"""The condo's money as its members read it: the ledger of expenses in their current state
(after corrections, voided ones flagged), each correction with its reason, and the yearly
budgets with their revisions and amendments.

Every handler reads and writes rows by primary key only. The number of corrections is kept in
the expense's row and moved on with each correction; a correction's row is inserted, never
overwritten, so an event applied twice breaks its primary key instead of counting twice.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
)

from domain.budget import Budget, BudgetState
from domain.expense import Category, Expense
from projections.engine import Projection
from projections.rows import Rows

# The expense categories, in the order the product lists them.
CATEGORIES = tuple(c.value for c in Category)

metadata = MetaData()

expenses = Table(
    "ledger_expenses",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("copro_id", Uuid, nullable=False, index=True),
    Column("date", Date, nullable=False, index=True),
    Column("amount_cents", BigInteger, nullable=False),
    Column("category", String(40), nullable=False),
    Column("supplier", String(200), nullable=False),
    Column("description", Text, nullable=False),
    Column("building_id", Uuid),
    Column("equipment_id", Uuid),
    Column("invoice_ref", String(60)),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column("corrected", Integer, nullable=False, default=0),
    Column("voided", Boolean, nullable=False, default=False),
    Column("void_reason", Text),
    Column("voided_at", DateTime(timezone=True)),
)

# One row per correction: `version` is the expense's version it made, `fields` the names of
# the values it replaced.
corrections = Table(
    "ledger_corrections",
    metadata,
    Column("expense_id", Uuid, ForeignKey("ledger_expenses.id"), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("reason", Text, nullable=False),
    Column("fields", JSON, nullable=False),
)

budgets = Table(
    "ledger_budgets",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("copro_id", Uuid, nullable=False),
    Column("year", Integer, nullable=False),
    # {category: amount_cents}, as last proposed, revised or amended.
    Column("lines", JSON, nullable=False),
    # provisional | approved
    Column("state", String(16), nullable=False),
    Column("approved_on", Date),
    Column("proposed_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("copro_id", "year", name="uq_ledger_budgets_copro_year"),
)

# Each change of a budget's lines after it was proposed: `revised` while provisional,
# `amended` once approved (always with a reason).
budget_changes = Table(
    "ledger_budget_changes",
    metadata,
    Column("budget_id", Uuid, ForeignKey("ledger_budgets.id"), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("lines", JSON, nullable=False),
    Column("reason", Text),
)

projection = Projection(name="ledger", version=1, metadata=metadata, cost=0.7)


# -- expenses -------------------------------------------------------------------------------


@projection.on(Expense.Recorded)
def expense_recorded(rows: Rows, e: Any) -> None:
    # The event carries the whole expense: written without reading what was there.
    rows.put(
        expenses,
        dict(
            id=e.originator_id,
            copro_id=e.copro_id,
            date=date.fromisoformat(e.date),
            amount_cents=e.amount_cents,
            category=e.category,
            supplier=e.supplier,
            description=e.description,
            building_id=e.building_id,
            equipment_id=e.equipment_id,
            invoice_ref=e.invoice_ref,
            recorded_at=e.timestamp,
            corrected=0,
            voided=False,
            void_reason=None,
            voided_at=None,
        ),
    )


@projection.on(Expense.Corrected)
def expense_corrected(rows: Rows, e: Any) -> None:
    changes = dict(e.changes)
    if "date" in changes:
        changes["date"] = date.fromisoformat(changes["date"])
    expense = rows.get(expenses, e.originator_id)
    if expense is None:
        # Every expense is recorded before it is corrected: nothing to attach this one to.
        return
    # Inserted, not put: applied twice, it must fail rather than count the correction twice.
    rows.insert(
        corrections,
        dict(
            expense_id=e.originator_id,
            version=e.originator_version,
            at=e.timestamp,
            reason=e.reason,
            fields=sorted(changes),
        ),
    )
    rows.update(expenses, e.originator_id, **changes, corrected=expense["corrected"] + 1)


@projection.on(Expense.Voided)
def expense_voided(rows: Rows, e: Any) -> None:
    rows.update(expenses, e.originator_id, voided=True, void_reason=e.reason, voided_at=e.timestamp)


# -- budgets --------------------------------------------------------------------------------


@projection.on(Budget.Proposed)
def budget_proposed(rows: Rows, e: Any) -> None:
    # The event carries the whole budget: written without reading what was there.
    rows.put(
        budgets,
        dict(
            id=e.originator_id,
            copro_id=e.copro_id,
            year=e.year,
            lines=dict(e.lines),
            state=BudgetState.PROVISIONAL.value,
            approved_on=None,
            proposed_at=e.timestamp,
            updated_at=e.timestamp,
        ),
    )


@projection.on(Budget.Revised)
def budget_revised(rows: Rows, e: Any) -> None:
    _change_lines(rows, e, "revised")


@projection.on(Budget.Approved)
def budget_approved(rows: Rows, e: Any) -> None:
    rows.update(
        budgets,
        e.originator_id,
        state=BudgetState.APPROVED.value,
        approved_on=date.fromisoformat(e.approved_on),
        updated_at=e.timestamp,
    )


@projection.on(Budget.Amended)
def budget_amended(rows: Rows, e: Any) -> None:
    _change_lines(rows, e, "amended")


def _change_lines(rows: Rows, e: Any, kind: str) -> None:
    """The lines are the budget's JSON column, replaced whole: no line rows to delete."""
    rows.insert(
        budget_changes,
        dict(
            budget_id=e.originator_id,
            version=e.originator_version,
            kind=kind,
            at=e.timestamp,
            lines=dict(e.lines),
            reason=e.reason,
        ),
    )
    rows.update(budgets, e.originator_id, lines=dict(e.lines), updated_at=e.timestamp)
