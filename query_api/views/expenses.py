"""The condo's ledger, its CSV export, the year's spend against the budget, and the budget."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast
from uuid import UUID

from sqlalchemy import Connection, extract, func, select

from projections.ledger import CATEGORIES, budget_changes, budgets, corrections, expenses
from projections.status_rules import utc
from query_api.answers.expenses import (
    Budget,
    BudgetChange,
    CategorySpend,
    Expense,
    ExpenseCategory,
    ExpenseCorrectionMade,
    ExpensesSummary,
    Ledger,
    MonthSpend,
)

# What a spreadsheet would run as a formula when a cell starts with it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CSV_COLUMNS = (
    "date",
    "amount_eur",
    "category",
    "supplier",
    "description",
    "invoice_ref",
    "building_id",
    "equipment_id",
    "corrected",
    "voided",
    "void_reason",
    "id",
)


@dataclass(frozen=True)
class LedgerFilter:
    """Which expenses: dates from `first` to `last` (both included), of these categories (any
    when empty), voided ones only when asked."""

    first: date | None = None
    last: date | None = None
    categories: list[str] = field(default_factory=list)
    include_voided: bool = False

    def where(self, copro_id: UUID) -> list[Any]:
        where = [expenses.c.copro_id == copro_id]
        if self.first is not None:
            where.append(expenses.c.date >= self.first)
        if self.last is not None:
            where.append(expenses.c.date <= self.last)
        if self.categories:
            where.append(expenses.c.category.in_(self.categories))
        if not self.include_voided:
            where.append(expenses.c.voided.is_(False))
        return where


def ledger(
    conn: Connection, copro_id: UUID, chosen: LedgerFilter, limit: int, offset: int
) -> Ledger:
    """A page of the ledger, newest date first, with how many expenses match and the sum of
    those that count (voided ones never do, even when shown)."""
    where = chosen.where(copro_id)
    total, total_cents = conn.execute(
        select(
            func.count(),
            func.coalesce(
                func.sum(expenses.c.amount_cents).filter(expenses.c.voided.is_(False)), 0
            ),
        ).where(*where)
    ).one()
    rows = conn.execute(
        select(expenses).where(*where).order_by(*NEWEST_FIRST).limit(limit).offset(offset)
    ).mappings()
    return {
        "items": described(conn, list(rows)),
        "total": total,
        "total_cents": int(total_cents),
    }


def ledger_csv(conn: Connection, copro_id: UUID, chosen: LedgerFilter) -> str:
    """Every matching expense as CSV for French spreadsheets: `;` between cells, amounts in
    euros with a decimal comma (`1234,56`), a byte-order mark so that they read it as UTF-8,
    and text cells that would start a formula prefixed with `'`."""
    rows = conn.execute(
        select(expenses).where(*chosen.where(copro_id)).order_by(*NEWEST_FIRST)
    ).mappings()
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        writer.writerow(
            [
                r["date"].isoformat(),
                euros(r["amount_cents"]),
                r["category"],
                inert(r["supplier"]),
                inert(r["description"]),
                inert(r["invoice_ref"] or ""),
                r["building_id"] or "",
                r["equipment_id"] or "",
                r["corrected"],
                "yes" if r["voided"] else "no",
                inert(r["void_reason"] or ""),
                r["id"],
            ]
        )
    return out.getvalue()


def summary(conn: Connection, copro_id: UUID, year: int) -> ExpensesSummary:
    """The year's spend per month and category (voided expenses left out), and per category
    against the budget's lines: a category without a line has a budget of 0."""
    month = extract("month", expenses.c.date)
    spent_rows = conn.execute(
        select(month, expenses.c.category, func.sum(expenses.c.amount_cents))
        .where(
            expenses.c.copro_id == copro_id,
            expenses.c.voided.is_(False),
            expenses.c.date >= date(year, 1, 1),
            expenses.c.date <= date(year, 12, 31),
        )
        .group_by(month, expenses.c.category)
    ).all()
    spent = {(int(m), category): int(cents) for m, category, cents in spent_rows}
    found = _budget_row(conn, copro_id, year)
    lines: dict[str, int] = dict(found["lines"]) if found else {}
    by_category: list[CategorySpend] = []
    for category in CATEGORIES:
        spent_cents = sum(spent.get((m, category), 0) for m in range(1, 13))
        budget_cents = lines.get(category, 0) if found else None
        by_category.append(
            {
                # The ledger's categories are the answer's (tests/unit/test_answers.py).
                "category": cast(ExpenseCategory, category),
                "budget_cents": budget_cents,
                "spent_cents": spent_cents,
                "remaining_cents": None if budget_cents is None else budget_cents - spent_cents,
            }
        )
    months: list[MonthSpend] = []
    for m in range(1, 13):
        cells = {category: spent.get((m, category), 0) for category in CATEGORIES}
        months.append({"month": m, "spent_cents": sum(cells.values()), "by_category": cells})
    budget_total = sum(lines.values()) if found else None
    spent_total = sum(spent.values())
    return {
        "year": year,
        "budget": {
            "state": found["state"] if found else "none",
            "approved_on": found["approved_on"] if found else None,
        },
        "months": months,
        "categories": by_category,
        "total": {
            "budget_cents": budget_total,
            "spent_cents": spent_total,
            "remaining_cents": None if budget_total is None else budget_total - spent_total,
        },
    }


def budget(conn: Connection, copro_id: UUID, year: int) -> Budget | None:
    """The year's budget with its revisions and amendments, oldest first; None if there is
    none."""
    found = _budget_row(conn, copro_id, year)
    if found is None:
        return None
    changes = conn.execute(
        select(budget_changes)
        .where(budget_changes.c.budget_id == found["id"])
        .order_by(budget_changes.c.version)
    ).mappings()
    made: dict[str, list[BudgetChange]] = {"revised": [], "amended": []}
    for c in changes:
        made[c["kind"]].append(
            {
                "at": utc(c["at"]),
                "lines": c["lines"],
                "reason": c["reason"],
                "version": c["version"],
            }
        )
    return {
        "id": found["id"],
        "copro_id": found["copro_id"],
        "year": found["year"],
        "lines": found["lines"],
        "state": found["state"],
        "approved_on": found["approved_on"],
        "proposed_at": utc(found["proposed_at"]),
        "updated_at": utc(found["updated_at"]),
        "total_cents": sum(found["lines"].values()),
        "revisions": made["revised"],
        "amendments": made["amended"],
    }


def _budget_row(conn: Connection, copro_id: UUID, year: int) -> dict[str, Any] | None:
    row = (
        conn.execute(select(budgets).where(budgets.c.copro_id == copro_id, budgets.c.year == year))
        .mappings()
        .first()
    )
    return dict(row) if row else None


NEWEST_FIRST = (expenses.c.date.desc(), expenses.c.recorded_at.desc(), expenses.c.id)


def described(conn: Connection, rows: list[Any]) -> list[Expense]:
    """Expense rows as the API answers them, each with its corrections, oldest first."""
    made = _corrections_of(conn, [r["id"] for r in rows])
    return [
        {
            "id": r["id"],
            "date": r["date"],
            "amount_cents": r["amount_cents"],
            "category": r["category"],
            "supplier": r["supplier"],
            "description": r["description"],
            "building_id": r["building_id"],
            "equipment_id": r["equipment_id"],
            "invoice_ref": r["invoice_ref"],
            "recorded_at": utc(r["recorded_at"]),
            "corrected": r["corrected"],
            "corrections": made.get(r["id"], []),
            "voided": r["voided"],
            "void_reason": r["void_reason"],
            "voided_at": utc(r["voided_at"]) if r["voided_at"] else None,
        }
        for r in rows
    ]


def _corrections_of(
    conn: Connection, ids: Iterable[UUID]
) -> dict[UUID, list[ExpenseCorrectionMade]]:
    rows = conn.execute(
        select(corrections)
        .where(corrections.c.expense_id.in_(list(ids)))
        .order_by(corrections.c.expense_id, corrections.c.version)
    ).mappings()
    made: dict[UUID, list[ExpenseCorrectionMade]] = {}
    for r in rows:
        made.setdefault(r["expense_id"], []).append(
            {"at": utc(r["at"]), "reason": r["reason"], "fields": r["fields"]}
        )
    return made


def euros(cents: int) -> str:
    """`123456` → `1234,56`: the decimal comma French spreadsheets read as a number."""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{sign}{whole},{rest:02d}"


def inert(text: str) -> str:
    """Text a spreadsheet shows as typed, never runs as a formula."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
