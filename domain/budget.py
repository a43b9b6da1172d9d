"""The condo's budget for one fiscal (calendar) year: an amount per expense category.

It is provisional until a manager records its approval by the general assembly; after that
its lines change only by an amendment, which says why. Its id is derived from (condo, year),
so a condo has one budget a year: two concurrent first drafts collide in the event store.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from domain.base import CondoAggregate
from domain.errors import InvalidValue, RuleBroken
from domain.expense import MAX_AMOUNT_CENTS, Category, check_date

BUDGETS_NAMESPACE = uuid5(NAMESPACE_URL, "https://copro.example/budgets")

FIRST_YEAR, LAST_YEAR = 2000, 2100
CATEGORIES = {c.value for c in Category}


def budget_id_for(copro_id: UUID, year: int) -> UUID:
    return uuid5(BUDGETS_NAMESPACE, f"{copro_id}/{year}")


class BudgetState(StrEnum):
    PROVISIONAL = "provisional"
    APPROVED = "approved"


class Budget(CondoAggregate):
    # The event classes that @event makes below, named for the type checker, which cannot see
    # their fields (the arguments of the methods).
    if TYPE_CHECKING:
        Proposed: ClassVar[type[Any]]
        Revised: ClassVar[type[Any]]
        Approved: ClassVar[type[Any]]
        Amended: ClassVar[type[Any]]

    @event("Proposed")
    def __init__(self, id: UUID, copro_id: UUID, year: int, lines: dict[str, int]) -> None:
        check_year(year)
        check_lines(lines)
        self.copro_id = copro_id
        self.year = year
        self.lines = dict(lines)
        self.state = BudgetState.PROVISIONAL.value
        self.approved_on: str | None = None

    @event("Revised")
    def revise(self, lines: dict[str, int], reason: str | None) -> None:
        """Replaces the lines of a provisional budget."""
        if self.state == BudgetState.APPROVED:
            raise BudgetAlreadyApproved("this budget is approved: amend it, giving a reason")
        check_lines(lines)
        self.lines = dict(lines)

    @event("Approved")
    def approve(self, approved_on: str) -> None:
        """Records that the general assembly approved it, on that day."""
        if self.state == BudgetState.APPROVED:
            raise BudgetAlreadyApproved(f"this budget was approved on {self.approved_on}")
        check_date(approved_on, "approved_on")
        self.state = BudgetState.APPROVED.value
        self.approved_on = approved_on

    @event("Amended")
    def amend(self, lines: dict[str, int], reason: str) -> None:
        """Replaces the lines of an approved budget, saying why."""
        if self.state != BudgetState.APPROVED:
            raise BudgetNotApproved("a provisional budget is revised, not amended")
        check_reason(reason)
        check_lines(lines)
        self.lines = dict(lines)

    def change_lines(self, lines: dict[str, int], reason: str | None) -> None:
        """Revises a provisional budget or amends an approved one; the same lines are no
        change at all."""
        if lines == self.lines:
            return
        if self.state == BudgetState.PROVISIONAL:
            self.revise(lines=lines, reason=reason)
        else:
            self.amend(lines=lines, reason=check_reason(reason))


def check_reason(reason: str | None) -> str:
    if reason is None or not reason.strip():
        raise BudgetAmendmentNeedsReason(
            "this budget is approved: its lines change only by an amendment, which needs a reason"
        )
    return reason


def check_year(year: object) -> None:
    if not isinstance(year, int) or not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidValue("year", f"must be a year from {FIRST_YEAR} to {LAST_YEAR}")


def check_lines(lines: dict[str, int]) -> None:
    for category, amount in lines.items():
        field = f"lines.{category}"
        if category not in CATEGORIES:
            allowed = ", ".join(c.value for c in Category)
            raise InvalidValue(field, f"not a category; one of: {allowed}")
        if not isinstance(amount, int) or isinstance(amount, bool):
            raise InvalidValue(field, "must be a whole number of cents")
        if not 0 <= amount <= MAX_AMOUNT_CENTS:
            raise InvalidValue(field, f"must be from 0 to {MAX_AMOUNT_CENTS} cents")


class BudgetAlreadyApproved(RuleBroken):
    code = "budget_already_approved"


class BudgetAmendmentNeedsReason(RuleBroken):
    code = "budget_amendment_needs_reason"


class BudgetNotApproved(RuleBroken):
    code = "budget_not_approved"
