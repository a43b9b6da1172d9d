from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any, NoReturn
from uuid import UUID

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response

from projections.ledger import CATEGORIES
from query_api.deps import Db, SignedIn, member_of
from query_api.views import expenses
from query_api.views.expenses import LedgerFilter

router = APIRouter(tags=["expenses"])


def ledger_filter(
    first: Annotated[date | None, Query(alias="from")] = None,
    last: Annotated[date | None, Query(alias="to")] = None,
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


@router.get("/copros/{copro_id}/expenses", operation_id="expenses-list")
def list_expenses(
    copro_id: UUID,
    conn: Db,
    account_id: SignedIn,
    chosen: Chosen,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """The condo's ledger, newest date first: each expense as last corrected; voided ones
    only with `include_voided`; `total_cents` sums the matching expenses that are not voided."""
    member_of(conn, account_id, copro_id)
    return expenses.ledger(conn, copro_id, chosen, limit, offset)


@router.get("/copros/{copro_id}/expenses.csv", operation_id="expenses-csv")
def export_expenses(
    copro_id: UUID,
    conn: Db,
    account_id: SignedIn,
    chosen: Chosen,
) -> Response:
    """The ledger as CSV for French spreadsheets: `;`-separated, amounts in euros with a decimal
    comma (`1234,56`), UTF-8 with a byte-order mark; same filters as the ledger."""
    copro = member_of(conn, account_id, copro_id)
    stamp = datetime.now(UTC).date().isoformat()
    return Response(
        expenses.ledger_csv(conn, copro_id, chosen),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{copro["slug"]}-expenses-{stamp}.csv"'
        },
    )


@router.get("/copros/{copro_id}/expenses/summary", operation_id="expenses-summary")
def expenses_summary(
    copro_id: UUID,
    conn: Db,
    account_id: SignedIn,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
) -> dict[str, Any]:
    """The year's spend (by default this year's) per month and category, and per category
    against the budget: budget, spent and remaining cents; the budget's state or `none`."""
    member_of(conn, account_id, copro_id)
    return expenses.summary(conn, copro_id, year or datetime.now(UTC).year)


@router.get("/copros/{copro_id}/budgets/{year}", operation_id="budgets-get")
def get_budget(copro_id: UUID, year: int, conn: Db, account_id: SignedIn) -> dict[str, Any]:
    """The year's budget: its lines, state, approval day, revisions and amendments."""
    member_of(conn, account_id, copro_id)
    found = expenses.budget(conn, copro_id, year)
    if found is None:
        raise HTTPException(404, f"no budget for {year}")
    return found


def refuse(field: str, message: str) -> NoReturn:
    raise RequestValidationError([{"loc": ("query", field), "msg": message, "type": "value_error"}])
