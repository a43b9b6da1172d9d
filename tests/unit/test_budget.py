"""A yearly budget: provisional and freely revised, then approved and only amended with a reason."""

from __future__ import annotations

from copy import deepcopy
from typing import Any
from uuid import uuid4

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.base import Actor, acting_as
from domain.budget import (
    Budget,
    BudgetAlreadyApproved,
    BudgetAmendmentNeedsReason,
    BudgetNotApproved,
    budget_id_for,
)
from domain.errors import DomainError, InvalidValue, RuleBroken
from domain.expense import MAX_AMOUNT_CENTS, Category

from .builders import COPRO_ID, MANAGER, as_manager, event_names, last_event, rebuild
from .test_events_roundtrip import through_json

LINES = {"energy": 1_200_000, "lift": 450_000, "cleaning": 900_000}
NEW_LINES = {"energy": 1_400_000, "lift": 450_000}


def new_budget(year: int = 2025, lines: dict[str, Any] | None = None) -> Budget:
    with as_manager():
        return Budget(
            id=budget_id_for(COPRO_ID, year),
            copro_id=COPRO_ID,
            year=year,
            lines=LINES if lines is None else lines,
        )


def approved_budget() -> Budget:
    budget = new_budget()
    with as_manager():
        budget.approve(approved_on="2025-03-20")
    return budget


class TestBudgetId:
    def test_one_id_per_condo_and_year(self) -> None:
        assert budget_id_for(COPRO_ID, 2025) == budget_id_for(COPRO_ID, 2025)
        assert budget_id_for(COPRO_ID, 2025) != budget_id_for(COPRO_ID, 2026)
        assert budget_id_for(COPRO_ID, 2025) != budget_id_for(uuid4(), 2025)


class TestPropose:
    def test_a_new_budget_is_provisional_with_its_lines(self) -> None:
        budget = new_budget()
        assert (budget.year, budget.state, budget.lines) == (2025, "provisional", LINES)
        assert budget.approved_on is None
        assert event_names(budget) == ["Proposed"]
        assert last_event(budget).actor == MANAGER.id

    @pytest.mark.parametrize("year", [1999, 2101, -1])
    def test_refuses_a_year_out_of_range(self, year: int) -> None:
        with pytest.raises(InvalidValue) as refused:
            new_budget(year=year)
        assert refused.value.field == "year"

    @pytest.mark.parametrize(
        ("lines", "field"),
        [
            ({"rocket": 10}, "lines.rocket"),
            ({"energy": 10, "Lift": 10}, "lines.Lift"),
            ({"energy": -1}, "lines.energy"),
            ({"water": MAX_AMOUNT_CENTS + 1}, "lines.water"),
            ({"water": 10.5}, "lines.water"),
        ],
    )
    def test_refuses_a_bad_line_naming_it(self, lines: dict[str, Any], field: str) -> None:
        with pytest.raises(InvalidValue) as refused:
            new_budget(lines=lines)
        assert refused.value.field == field

    def test_a_zero_line_and_no_line_at_all_are_allowed(self) -> None:
        assert new_budget(lines={"works": 0}).lines == {"works": 0}
        assert new_budget(lines={}).lines == {}


# (state, how the lines are changed, reason) → the event recorded.
ACCEPTED = [
    ("provisional", "change_lines", None, "Revised"),
    ("provisional", "change_lines", "nouveau devis", "Revised"),
    ("provisional", "revise", None, "Revised"),
    ("approved", "change_lines", "vote en AG extraordinaire", "Amended"),
    ("approved", "amend", "vote en AG extraordinaire", "Amended"),
]
# (state, how the lines are changed, reason) → the refusal.
REFUSED = [
    ("provisional", "amend", "vote en AG", BudgetNotApproved),
    ("approved", "change_lines", None, BudgetAmendmentNeedsReason),
    ("approved", "change_lines", "  ", BudgetAmendmentNeedsReason),
    ("approved", "amend", "", BudgetAmendmentNeedsReason),
    ("approved", "revise", None, BudgetAlreadyApproved),
    ("approved", "revise", "vote en AG", BudgetAlreadyApproved),
]


def budget_in(state: str) -> Budget:
    return new_budget() if state == "provisional" else approved_budget()


class TestChangingLines:
    @pytest.mark.parametrize(("state", "how", "reason", "recorded"), ACCEPTED)
    def test_a_provisional_budget_is_revised_an_approved_one_amended(
        self, state: str, how: str, reason: str | None, recorded: str
    ) -> None:
        budget = budget_in(state)
        with as_manager():
            getattr(budget, how)(lines=NEW_LINES, reason=reason)
        assert type(last_event(budget)).__name__ == recorded
        assert last_event(budget).reason == reason
        assert (budget.lines, budget.state) == (NEW_LINES, state)

    @pytest.mark.parametrize(("state", "how", "reason", "refusal"), REFUSED)
    def test_a_change_against_the_rules_is_a_conflict_and_changes_nothing(
        self, state: str, how: str, reason: str | None, refusal: type[DomainError]
    ) -> None:
        budget = budget_in(state)
        before = deepcopy(vars(budget))
        with as_manager(), pytest.raises(refusal) as refused:
            getattr(budget, how)(lines=NEW_LINES, reason=reason)
        assert isinstance(refused.value, RuleBroken)
        assert vars(budget) == before

    def test_the_codes_are_stable(self) -> None:
        assert (
            BudgetNotApproved.code,
            BudgetAmendmentNeedsReason.code,
            BudgetAlreadyApproved.code,
        ) == ("budget_not_approved", "budget_amendment_needs_reason", "budget_already_approved")

    def test_an_amendment_refused_for_want_of_a_reason_says_so(self) -> None:
        budget = approved_budget()
        with as_manager(), pytest.raises(BudgetAmendmentNeedsReason) as refused:
            budget.change_lines(lines=NEW_LINES, reason=None)
        assert "reason" in refused.value.message
        assert "amendment" in refused.value.message

    @pytest.mark.parametrize("state", ["provisional", "approved"])
    def test_the_same_lines_again_change_nothing_even_without_a_reason(self, state: str) -> None:
        budget = budget_in(state)
        version = budget.version
        with as_manager():
            budget.change_lines(lines=dict(LINES), reason=None)
        assert budget.version == version

    def test_a_bad_amended_line_is_named(self) -> None:
        budget = approved_budget()
        with as_manager(), pytest.raises(InvalidValue) as refused:
            budget.change_lines(lines={"fuel": 1}, reason="vote en AG")
        assert refused.value.field == "lines.fuel"
        assert budget.lines == LINES


class TestApprove:
    def test_records_the_day_of_the_general_assembly(self) -> None:
        budget = approved_budget()
        assert (budget.state, budget.approved_on) == ("approved", "2025-03-20")
        assert event_names(budget) == ["Proposed", "Approved"]

    def test_approving_again_is_a_conflict(self) -> None:
        budget = approved_budget()
        with as_manager(), pytest.raises(BudgetAlreadyApproved) as refused:
            budget.approve(approved_on="2025-04-01")
        assert refused.value.code == "budget_already_approved"
        assert budget.approved_on == "2025-03-20"

    def test_refuses_a_day_that_is_not_a_date(self) -> None:
        budget = new_budget()
        with as_manager(), pytest.raises(InvalidValue) as refused:
            budget.approve(approved_on="20 mars")
        assert refused.value.field == "approved_on"
        assert budget.state == "provisional"


# -- any valid history replays to the same budget ---------------------------------------------

budget_lines = st.dictionaries(
    st.sampled_from([c.value for c in Category]),
    st.integers(min_value=0, max_value=MAX_AMOUNT_CENTS),
    max_size=9,
)
reasons = st.text(min_size=3, max_size=30).filter(str.strip)


class TestReplay:
    @settings(max_examples=60, deadline=None)
    @given(
        first=budget_lines,
        before=st.lists(st.tuples(budget_lines, st.none() | reasons), max_size=5),
        approve=st.booleans(),
        after=st.lists(st.tuples(budget_lines, reasons), max_size=5),
        actor=st.sampled_from(["system", "manager-1"]),
    )
    def test_any_valid_history_rebuilds_the_same_budget(
        self,
        first: dict[str, int],
        before: list[tuple[dict[str, int], str | None]],
        approve: bool,
        after: list[tuple[dict[str, int], str]],
        actor: str,
    ) -> None:
        with acting_as(Actor(actor)):
            budget = Budget(id=uuid4(), copro_id=COPRO_ID, year=2025, lines=first)
            for lines, reason in before:
                budget.change_lines(lines=lines, reason=reason)
            if approve:
                budget.approve(approved_on="2025-01-15")
                for lines, reason in after:
                    budget.change_lines(lines=lines, reason=reason)
        events = budget.collect_events()

        head, *rest = events
        rebuilt = head.mutate(None)
        for later in rest:
            rebuilt = later.mutate(rebuilt)
        assert rebuilt == budget
        assert rebuild(through_json(events)) == rebuilt
        assert budget.state == ("approved" if approve else "provisional")
