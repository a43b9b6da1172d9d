from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Response

from command_api.deps import CondosDep, CurrentActor
from command_api.schemas.common import Receipt, receipt
from command_api.schemas.finance import (
    BudgetApproval,
    BudgetLines,
    ExpenseCorrection,
    ExpenseRecord,
    ExpenseVoiding,
)
from domain.budget import FIRST_YEAR, LAST_YEAR

router = APIRouter(tags=["expenses"])

Year = Annotated[int, Path(ge=FIRST_YEAR, le=LAST_YEAR)]


@router.post(
    "/copros/{copro_id}/expenses",
    status_code=201,
    response_model=Receipt,
)
def record_expense(
    copro_id: UUID, body: ExpenseRecord, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Records an expense of the condo in its ledger."""
    return receipt(condos.record_expense(actor, copro_id, **body.model_dump()))


@router.post(
    "/expenses/{expense_id}/corrections",
    response_model=Receipt,
)
def correct_expense(
    expense_id: UUID, body: ExpenseCorrection, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Corrects the fields sent of an expense, saying why; the first record stays in history."""
    changes = body.model_dump(exclude_unset=True, exclude={"reason"})
    return receipt(condos.correct_expense(actor, expense_id, changes, reason=body.reason))


@router.post("/expenses/{expense_id}/void", response_model=Receipt)
def void_expense(
    expense_id: UUID, body: ExpenseVoiding, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Voids an expense, saying why; it stays in history and refuses any further change."""
    return receipt(condos.void_expense(actor, expense_id, reason=body.reason))


@router.put(
    "/copros/{copro_id}/budgets/{year}",
    response_model=Receipt,
    responses={201: {"model": Receipt, "description": "Budget created"}},
)
def set_budget(
    copro_id: UUID,
    year: Year,
    body: BudgetLines,
    response: Response,
    condos: CondosDep,
    actor: CurrentActor,
) -> Receipt:
    """Creates or revises the year's budget; once approved, changes are amendments with a
    reason."""
    answer = condos.set_budget(actor, copro_id, year, lines=body.lines, reason=body.reason)
    response.status_code = 201 if answer.created else 200
    return receipt(answer)


@router.post(
    "/copros/{copro_id}/budgets/{year}/approve",
    response_model=Receipt,
)
def approve_budget(
    copro_id: UUID, year: Year, body: BudgetApproval, condos: CondosDep, actor: CurrentActor
) -> Receipt:
    """Records the general assembly's approval of the year's budget."""
    return receipt(condos.approve_budget(actor, copro_id, year, approved_on=body.approved_on))
