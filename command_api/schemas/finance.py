"""Request bodies of expenses and budgets. Money is integer cents, never a float."""

from __future__ import annotations

import re
from typing import Annotated
from uuid import UUID

from pydantic import BeforeValidator, ConfigDict, Field

from command_api.schemas.common import Body, long_text, text
from copro.fields import Day
from domain.expense import MAX_AMOUNT_CENTS, Category

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(value: object) -> object:
    """Only `YYYY-MM-DD`: not a timestamp, not a date-time that happens to be midnight."""
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        return value
    raise ValueError("must be a calendar date: YYYY-MM-DD")


CalendarDate = Annotated[Day, BeforeValidator(iso_date)]
Amount = Annotated[int, Field(strict=True, gt=0, le=MAX_AMOUNT_CENTS)]
LineAmount = Annotated[int, Field(strict=True, ge=0, le=MAX_AMOUNT_CENTS)]
Supplier = Annotated[str, text(1, 200)]
Description = Annotated[str, long_text(0, 2000)]
InvoiceRef = Annotated[str, text(1, 60)]
Reason = Annotated[str, long_text(3, 500)]


class ExpenseRecord(Body):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)

    date: CalendarDate
    amount_cents: Amount
    category: Category
    supplier: Supplier
    description: Description = ""
    building_id: UUID | None = None
    equipment_id: UUID | None = None
    invoice_ref: InvoiceRef | None = None


class ExpenseCorrection(Body):
    """Only the fields sent are corrected; `null` clears an optional one."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)

    date: CalendarDate | None = None
    amount_cents: Amount | None = None
    category: Category | None = None
    supplier: Supplier | None = None
    description: Description | None = None
    building_id: UUID | None = None
    equipment_id: UUID | None = None
    invoice_ref: InvoiceRef | None = None
    reason: Reason


class ExpenseVoiding(Body):
    reason: Reason


class BudgetLines(Body):
    lines: Annotated[dict[Annotated[str, text(1, 40)], LineAmount], Field(max_length=20)]
    reason: Reason | None = None


class BudgetApproval(Body):
    approved_on: CalendarDate
