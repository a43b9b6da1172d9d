from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import Response

from copro.fields import Day
from projections import ledger, status_page
from projections.ledger import CATEGORIES
from query_api.answers.expenses import Budget, ExpensesSummary, Ledger
from query_api.deps import Db, MemberOf
from query_api.params import Limit, Offset, refuse
from query_api.reads import Reads
from query_api.views import expenses
from query_api.views.expenses import LedgerFilter

router = APIRouter(
    tags=["expenses"], dependencies=[Depends(Reads(ledger.projection, status_page.projection))]
)

# The years a budget may be set for (the budget's own rule, `domain.budget`).
BudgetYear = Annotated[int, Path(ge=2000, le=2100)]


def ledger_filter(
    first: Annotated[Day | None, Query(alias="from")] = None,
    last: Annotated[Day | None, Query(alias="to")] = None,
    category: Annotated[list[str] | None, Query()] = None,
    include_voided: bool = False,
) -> LedgerFilter:
    """The ledger's filters: dates (both included), categories (repeatable), voided or not."""
    unknown = [c for c in category or [] if c not in CATEGORIES]
    if unknown:
        refuse("category", f"unknown category {unknown[0]!r}; one of: {', '.join(CATEGORIES)}")
    if first and last and last < first:
        refuse("to", "must not come before from")
    return LedgerFilter(first, last, list(category or []), include_voided)


Chosen = Annotated[LedgerFilter, Depends(ledger_filter)]


@router.get("/copros/{copro_id}/expenses")
def list_expenses(
    copro: MemberOf,
    conn: Db,
    chosen: Chosen,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Ledger:
    """The condo's ledger, newest date first: each expense as last corrected; voided ones
    only with `include_voided`; `total_cents` sums the matching expenses that are not voided."""
    return expenses.ledger(conn, copro["id"], chosen, limit, offset)


@router.get(
    "/copros/{copro_id}/expenses.csv",
    # A file, not JSON; refusals stay JSON.
    response_class=Response,
    responses={
        200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "CSV"}
    },
)
def export_expenses(copro: MemberOf, conn: Db, chosen: Chosen) -> Response:
    """The ledger as CSV for French spreadsheets: `;`-separated, amounts in euros with a decimal
    comma (`1234,56`), UTF-8 with a byte-order mark; same filters as the ledger."""
    stamp = datetime.now(UTC).date().isoformat()
    return Response(
        expenses.ledger_csv(conn, copro["id"], chosen),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{copro["slug"]}-expenses-{stamp}.csv"'
        },
    )


@router.get("/copros/{copro_id}/expenses/summary")
def expenses_summary(
    copro: MemberOf,
    conn: Db,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
) -> ExpensesSummary:
    """The year's spend (by default this year's) per month and category, and per category
    against the budget: budget, spent and remaining cents; the budget's state or `none`."""
    return expenses.summary(conn, copro["id"], year or datetime.now(UTC).year)


@router.get("/copros/{copro_id}/budgets/{year}")
def get_budget(copro: MemberOf, year: BudgetYear, conn: Db) -> Budget:
    """The year's budget: its lines, state, approval day, revisions and amendments."""
    found = expenses.budget(conn, copro["id"], year)
    if found is None:
        raise HTTPException(404, f"no budget for {year}")
    return found
