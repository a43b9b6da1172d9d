"""An expense: recorded, corrected with a reason, voided with a reason; never edited in place."""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID, uuid4

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.base import Actor, acting_as
from domain.errors import InvalidValue
from domain.expense import (
    MAX_AMOUNT_CENTS,
    Category,
    Expense,
    ExpenseVoided,
    check_not_future,
    latest_today,
)

from .builders import COPRO_ID, MANAGER, as_manager, event_names, last_event, rebuild
from .test_events_roundtrip import through_json

BUILDING = UUID(int=7)


def new_expense(**overrides: Any) -> Expense:
    fields: dict[str, Any] = {
        "copro_id": COPRO_ID,
        "date": "2025-02-14",
        "amount_cents": 123_456,
        "category": "lift",
        "supplier": "Ascenseurs Rhône SARL",
        "description": "Contrat d'entretien, 1er trimestre",
        "building_id": BUILDING,
        "equipment_id": None,
        "invoice_ref": "F-2025-0042",
    }
    with as_manager():
        return Expense(**(fields | overrides))


def voided_expense() -> Expense:
    expense = new_expense()
    with as_manager():
        expense.void(reason="facture en double")
    return expense


class TestRecord:
    def test_records_the_expense_as_given(self) -> None:
        expense = new_expense()
        assert (expense.date, expense.amount_cents, expense.category) == (
            "2025-02-14",
            123_456,
            "lift",
        )
        assert (expense.building_id, expense.equipment_id) == (BUILDING, None)
        assert (expense.voided, expense.void_reason) == (False, None)
        assert event_names(expense) == ["Recorded"]
        assert last_event(expense).actor == MANAGER.id

    @pytest.mark.parametrize("amount", [0, -1, -50_000, MAX_AMOUNT_CENTS + 1, 12.5, "100", True])
    def test_refuses_an_amount_that_is_not_positive_whole_cents(self, amount: Any) -> None:
        with pytest.raises(InvalidValue) as refused:
            new_expense(amount_cents=amount)
        assert refused.value.field == "amount_cents"

    def test_accepts_the_largest_amount(self) -> None:
        assert new_expense(amount_cents=MAX_AMOUNT_CENTS).amount_cents == 100_000_000_00

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("category", "Energy"),
            ("category", "management fees"),
            ("date", "14/02/2025"),
            ("date", "2025-02-30"),
            ("date", "20250214"),
            ("supplier", "   "),
        ],
    )
    def test_refuses_a_bad_value_naming_its_field(self, field: str, value: str) -> None:
        with pytest.raises(InvalidValue) as refused:
            new_expense(**{field: value})
        assert refused.value.field == field

    @pytest.mark.parametrize("category", list(Category))
    def test_accepts_each_of_the_nine_categories(self, category: Category) -> None:
        assert new_expense(category=category.value).category == category.value
        assert len(Category) == 9


class TestNotInTheFuture:
    @pytest.mark.parametrize(
        ("now", "day", "future"),
        [
            (datetime(2025, 6, 1, 12, 0, tzinfo=UTC), date(2025, 6, 1), False),
            (datetime(2025, 6, 1, 9, 0, tzinfo=UTC), date(2025, 6, 1), False),
            # 23:00 UTC is already tomorrow in Paris in summer, and further east.
            (datetime(2025, 6, 1, 23, 0, tzinfo=UTC), date(2025, 6, 2), False),
            # 10:00 UTC is midnight at UTC+14, where the calendar turns first.
            (datetime(2025, 6, 1, 10, 0, tzinfo=UTC), date(2025, 6, 2), False),
            (datetime(2025, 6, 1, 9, 59, tzinfo=UTC), date(2025, 6, 2), True),
            (datetime(2025, 6, 1, 23, 0, tzinfo=UTC), date(2025, 6, 3), True),
        ],
    )
    def test_a_day_is_future_only_once_it_is_today_nowhere(
        self, now: datetime, day: date, future: bool
    ) -> None:
        if future:
            with pytest.raises(InvalidValue) as refused:
                check_not_future(day, now, "date")
            assert refused.value.field == "date"
        else:
            check_not_future(day, now, "date")
        assert latest_today(now) >= now.date()


class TestCorrect:
    def test_replaces_the_corrected_values_and_keeps_the_reason_with_them(self) -> None:
        expense = new_expense()
        changes = {"amount_cents": 132_456, "invoice_ref": None, "category": "repairs"}
        with as_manager():
            expense.correct(changes=changes, reason="erreur de saisie")
        event = last_event(expense)
        assert type(event).__name__ == "Corrected"
        assert (event.changes, event.reason) == (changes, "erreur de saisie")
        assert (expense.amount_cents, expense.invoice_ref, expense.category) == (
            132_456,
            None,
            "repairs",
        )
        assert expense.supplier == "Ascenseurs Rhône SARL"

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({}, "body"),
            ({"amount_cents": 0}, "amount_cents"),
            ({"amount_cents": -10}, "amount_cents"),
            ({"amount_cents": None}, "amount_cents"),
            ({"category": "rocket"}, "category"),
            ({"date": "2025-13-01"}, "date"),
            ({"date": None}, "date"),
            ({"supplier": ""}, "supplier"),
            ({"description": None}, "description"),
            ({"copro_id": uuid4()}, "copro_id"),
            ({"voided": True}, "voided"),
        ],
    )
    def test_refuses_no_change_or_a_bad_value_naming_the_field(
        self, changes: dict[str, Any], field: str
    ) -> None:
        expense = new_expense()
        before = deepcopy(vars(expense))
        with as_manager(), pytest.raises(InvalidValue) as refused:
            expense.correct(changes=changes, reason="erreur de saisie")
        assert refused.value.field == field
        assert vars(expense) == before

    @pytest.mark.parametrize("reason", ["", "   "])
    def test_refuses_a_correction_without_a_reason(self, reason: str) -> None:
        expense = new_expense()
        with as_manager(), pytest.raises(InvalidValue) as refused:
            expense.correct(changes={"amount_cents": 1}, reason=reason)
        assert refused.value.field == "reason"
        assert expense.amount_cents == 123_456


class TestVoid:
    def test_voids_the_expense_and_keeps_the_reason(self) -> None:
        expense = voided_expense()
        assert (expense.voided, expense.void_reason) == (True, "facture en double")
        assert event_names(expense) == ["Recorded", "Voided"]

    def test_refuses_to_void_without_a_reason(self) -> None:
        expense = new_expense()
        with as_manager(), pytest.raises(InvalidValue) as refused:
            expense.void(reason=" ")
        assert refused.value.field == "reason"
        assert expense.voided is False


VOIDED_REFUSES: dict[str, Callable[[Expense], None]] = {
    "correct": lambda e: e.correct(changes={"amount_cents": 1}, reason="erreur de saisie"),
    "correct with nothing": lambda e: e.correct(changes={}, reason="erreur"),
    "void": lambda e: e.void(reason="encore"),
}


class TestVoidedExpense:
    @pytest.mark.parametrize("command", VOIDED_REFUSES)
    def test_refuses_everything_and_changes_nothing(self, command: str) -> None:
        expense = voided_expense()
        before = deepcopy(vars(expense))
        with as_manager(), pytest.raises(ExpenseVoided) as refused:
            VOIDED_REFUSES[command](expense)
        assert refused.value.code == "expense_voided"
        assert vars(expense) == before
        assert event_names(expense) == ["Recorded", "Voided"]


# -- any valid history replays to the same expense --------------------------------------------

corrections = st.fixed_dictionaries(
    {},
    optional={
        "date": st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)).map(
            date.isoformat
        ),
        "amount_cents": st.integers(min_value=1, max_value=MAX_AMOUNT_CENTS),
        "category": st.sampled_from([c.value for c in Category]),
        "supplier": st.text(min_size=1, max_size=30).filter(str.strip),
        "description": st.text(max_size=40),
        "building_id": st.none() | st.uuids(),
        "equipment_id": st.none() | st.uuids(),
        "invoice_ref": st.none() | st.text(min_size=1, max_size=20),
    },
).filter(bool)
reasons = st.text(min_size=3, max_size=40).filter(str.strip)


class TestReplay:
    @settings(max_examples=60, deadline=None)
    @given(
        amount=st.integers(min_value=1, max_value=MAX_AMOUNT_CENTS),
        history=st.lists(st.tuples(corrections, reasons), max_size=10),
        void=st.booleans(),
        actor=st.sampled_from(["system", "manager-1"]),
    )
    def test_any_valid_history_rebuilds_the_same_expense(
        self, amount: int, history: list[tuple[dict[str, Any], str]], void: bool, actor: str
    ) -> None:
        with acting_as(Actor(actor)):
            expense = new_expense(amount_cents=amount)
            for changes, reason in history:
                expense.correct(changes=changes, reason=reason)
            if void:
                expense.void(reason="annulée")
        events = expense.collect_events()

        first, *rest = events
        rebuilt = first.mutate(None)
        for later in rest:
            rebuilt = later.mutate(rebuilt)
        assert rebuilt == expense
        assert rebuild(through_json(events)) == rebuilt
        assert len(events) == 1 + len(history) + void
