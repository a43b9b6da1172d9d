"""The condo's ledger, the year's spend against its budget, and the budget."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from typing_extensions import TypedDict

from query_api.answers.common import exact

ExpenseCategory = Literal[
    "energy",
    "water",
    "cleaning",
    "lift",
    "insurance",
    "repairs",
    "works",
    "management_fees",
    "other",
]
BudgetState = Literal["provisional", "approved"]
# Amounts in integer cents by expense category (a budget's lines, a month's spend).
CentsByCategory = dict[str, int]


@exact
class ExpenseCorrectionMade(TypedDict):
    """A correction of an expense: when, why, and the names of the fields it changed."""

    at: datetime
    reason: str
    fields: list[str]


@exact
class Expense(TypedDict):
    """An expense as last corrected, with its corrections, oldest first; `corrected` counts
    them."""

    id: UUID
    date: date
    amount_cents: int
    category: ExpenseCategory
    supplier: str
    description: str
    building_id: UUID | None
    equipment_id: UUID | None
    invoice_ref: str | None
    recorded_at: datetime
    corrected: int
    corrections: list[ExpenseCorrectionMade]
    voided: bool
    void_reason: str | None
    voided_at: datetime | None


@exact
class Ledger(TypedDict):
    """A page of the ledger, how many expenses match, and the sum of the matching expenses that
    are not voided (in integer cents)."""

    items: list[Expense]
    total: int
    total_cents: int


@exact
class BudgetStanding(TypedDict):
    """The year's budget state (`none` without a budget), and the day it was approved."""

    state: BudgetState | Literal["none"]
    approved_on: date | None


@exact
class MonthSpend(TypedDict):
    """One month's spend (1 to 12), in all and per category (every category named)."""

    month: int
    spent_cents: int
    by_category: CentsByCategory


@exact
class CategorySpend(TypedDict):
    """A category's spend over the year against its budget line (0 without a line, None
    without a budget)."""

    category: ExpenseCategory
    budget_cents: int | None
    spent_cents: int
    remaining_cents: int | None


@exact
class SpendTotal(TypedDict):
    """The year's spend against the whole budget (None without a budget)."""

    budget_cents: int | None
    spent_cents: int
    remaining_cents: int | None


@exact
class ExpensesSummary(TypedDict):
    """The year's spend per month and per category against the budget; voided expenses left
    out."""

    year: int
    budget: BudgetStanding
    months: list[MonthSpend]
    categories: list[CategorySpend]
    total: SpendTotal


@exact
class BudgetChange(TypedDict):
    """A revision (before approval) or an amendment (after) of a budget: its new lines, why,
    and the budget's version it made."""

    at: datetime
    lines: CentsByCategory
    reason: str | None
    version: int


@exact
class Budget(TypedDict):
    """A year's budget: its lines as they stand and their total, its state and approval day,
    its revisions and amendments, oldest first."""

    id: UUID
    copro_id: UUID
    year: int
    lines: CentsByCategory
    state: BudgetState
    approved_on: date | None
    proposed_at: datetime
    updated_at: datetime
    total_cents: int
    revisions: list[BudgetChange]
    amendments: list[BudgetChange]
