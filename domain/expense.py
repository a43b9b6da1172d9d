"""An expense of the condo. Never edited in place: corrected or voided, each with a reason,
so the ledger's history shows what was first recorded and every change since.

Dates are kept as ISO strings (`2024-03-31`): the event store encodes no bare dates.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar
from uuid import UUID

from eventsourcing.domain import event

from domain.base import CondoAggregate, one_of
from domain.errors import InvalidValue, RuleBroken

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# One hundred million euros: beyond that, a typo rather than an invoice.
MAX_AMOUNT_CENTS = 100_000_000_00

# The calendar reaches tomorrow first at UTC+14: a date that is today there is not future.
EARLIEST_ZONE = timedelta(hours=14)


class Category(StrEnum):
    ENERGY = "energy"
    WATER = "water"
    CLEANING = "cleaning"
    LIFT = "lift"
    INSURANCE = "insurance"
    REPAIRS = "repairs"
    WORKS = "works"
    MANAGEMENT_FEES = "management_fees"
    OTHER = "other"


CORRECTABLE_FIELDS = (
    "date",
    "amount_cents",
    "category",
    "supplier",
    "description",
    "building_id",
    "equipment_id",
    "invoice_ref",
)


class Expense(CondoAggregate):
    # The event classes that @event makes below, named for the type checker, which cannot see
    # their fields (the arguments of the methods).
    if TYPE_CHECKING:
        Recorded: ClassVar[type[Any]]
        Corrected: ClassVar[type[Any]]
        Voided: ClassVar[type[Any]]

    @event("Recorded")
    def __init__(
        self,
        copro_id: UUID,
        date: str,
        amount_cents: int,
        category: str,
        supplier: str,
        description: str,
        building_id: UUID | None,
        equipment_id: UUID | None,
        invoice_ref: str | None,
    ) -> None:
        check_date(date)
        check_amount(amount_cents, "amount_cents")
        check_supplier(supplier)
        self.copro_id = copro_id
        self.date = date
        self.amount_cents = amount_cents
        self.category = one_of(Category, category, "category")
        self.supplier = supplier
        self.description = description
        self.building_id = building_id
        self.equipment_id = equipment_id
        self.invoice_ref = invoice_ref
        self.voided = False
        self.void_reason: str | None = None

    @event("Corrected")
    def correct(self, changes: dict[str, Any], reason: str) -> None:
        """Replaces some recorded values; `changes` holds only what differs."""
        self.check_not_voided()
        check_reason(reason)
        if not changes:
            raise InvalidValue("body", "nothing to correct: every value given is the recorded one")
        check_changes(changes)
        for name, value in changes.items():
            setattr(self, name, value)

    @event("Voided")
    def void(self, reason: str) -> None:
        self.check_not_voided()
        check_reason(reason)
        self.voided = True
        self.void_reason = reason

    def check_not_voided(self) -> None:
        if self.voided:
            raise ExpenseVoided("this expense is voided")


def check_changes(changes: dict[str, Any]) -> None:
    unknown = set(changes) - set(CORRECTABLE_FIELDS)
    if unknown:
        raise InvalidValue(sorted(unknown)[0], "cannot be corrected")
    if "date" in changes:
        check_date(changes["date"])
    if "amount_cents" in changes:
        check_amount(changes["amount_cents"], "amount_cents")
    if "category" in changes:
        one_of(Category, str(changes["category"]), "category")
    if "supplier" in changes:
        check_supplier(changes["supplier"])
    if changes.get("description", "") is None:
        raise InvalidValue("description", "cannot be null: send an empty text to clear it")


def check_reason(reason: object) -> None:
    if not isinstance(reason, str) or not reason.strip():
        raise InvalidValue("reason", "say why: the ledger's history shows it")


def check_amount(amount_cents: object, field: str) -> None:
    if not isinstance(amount_cents, int) or isinstance(amount_cents, bool):
        raise InvalidValue(field, "must be a whole number of cents")
    if not 0 < amount_cents <= MAX_AMOUNT_CENTS:
        raise InvalidValue(field, f"must be more than 0 and at most {MAX_AMOUNT_CENTS} cents")


def check_supplier(supplier: object) -> None:
    if not isinstance(supplier, str) or not supplier.strip():
        raise InvalidValue("supplier", "name the supplier")


def check_date(value: object, field: str = "date") -> None:
    try:
        if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
            raise ValueError(value)
        date.fromisoformat(value)
    except ValueError:
        raise InvalidValue(field, "must be a calendar date: YYYY-MM-DD") from None


def latest_today(now: datetime) -> date:
    """The latest calendar date that is today somewhere: anything after it is in the future."""
    return (now.astimezone(UTC) + EARLIEST_ZONE).date()


def check_not_future(day: date, now: datetime, field: str) -> None:
    if day > latest_today(now):
        raise InvalidValue(field, "cannot be in the future")


class ExpenseVoided(RuleBroken):
    code = "expense_voided"
