"""The rules behind the shown status, the intervals, the daily strips and availability: pure
functions, no store."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest

from projections.status_rules import Shown, Span, shown_status, status_pieces
from query_api.views.statistics import availability, period_of, resolution
from query_api.views.status import day_entry, overlap

T0 = datetime(2026, 3, 10, tzinfo=UTC)


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


class TestShownStatus:
    @pytest.mark.parametrize(
        ("manual", "impacts", "in_maintenance", "expected"),
        [
            ("operational", [], False, Shown("operational", "manual")),
            ("degraded", [], False, Shown("degraded", "manual")),
            ("degraded", [], True, Shown("maintenance", "maintenance", True)),
            ("major_outage", [], True, Shown("maintenance", "maintenance", True)),
            ("operational", ["degraded"], False, Shown("degraded", "incident")),
            (
                "operational",
                ["degraded", "major_outage", "partial_outage"],
                False,
                Shown("major_outage", "incident"),
            ),
            ("operational", ["major_outage"], True, Shown("major_outage", "incident", True)),
            ("operational", ["maintenance"], False, Shown("maintenance", "incident")),
            ("major_outage", ["degraded"], False, Shown("degraded", "incident")),
            ("operational", ["maintenance", "degraded"], True, Shown("degraded", "incident", True)),
        ],
    )
    def test_incidents_then_maintenance_then_the_status_set_by_hand(
        self, manual: str, impacts: list[str], in_maintenance: bool, expected: Shown
    ) -> None:
        assert shown_status(manual, impacts, in_maintenance) == expected


class TestStatusPieces:
    def test_with_nothing_else_it_shows_the_manual_status_from_installation_on(self) -> None:
        pieces = status_pieces(T0, None, [(T0, "operational"), (at(2), "degraded")], [], [])
        assert pieces == [(T0, at(2), "operational"), (at(2), None, "degraded")]

    def test_overlapping_incidents_make_one_piece_per_worst_status(self) -> None:
        impacts = [
            Span(at(1), at(5), "degraded"),
            Span(at(2), at(3), "major_outage"),
            Span(at(2.5), at(4), "major_outage"),
        ]
        assert status_pieces(T0, None, [(T0, "operational")], impacts, []) == [
            (T0, at(1), "operational"),
            (at(1), at(2), "degraded"),
            (at(2), at(4), "major_outage"),
            (at(4), at(5), "degraded"),
            (at(5), None, "operational"),
        ]

    def test_maintenance_shows_unless_an_incident_is_worse_and_then_the_manual_status(
        self,
    ) -> None:
        windows = [Span(at(1), at(4), "maintenance")]
        impacts = [Span(at(2), at(3), "partial_outage")]
        manual = [(T0, "degraded")]
        assert status_pieces(T0, None, manual, impacts, windows) == [
            (T0, at(1), "degraded"),
            (at(1), at(2), "maintenance"),
            (at(2), at(3), "partial_outage"),
            (at(3), at(4), "maintenance"),
            (at(4), None, "degraded"),
        ]

    def test_it_stops_at_the_end_and_starts_at_the_start(self) -> None:
        impacts = [Span(T0, None, "degraded")]
        assert status_pieces(at(1), at(3), [], impacts, []) == [(at(1), at(3), "degraded")]
        assert status_pieces(at(3), at(3), [], impacts, []) == []

    def test_before_any_status_set_by_hand_it_is_operational(self) -> None:
        impacts = [Span(T0, at(1), "major_outage")]
        assert status_pieces(T0, None, [(at(2), "degraded")], impacts, []) == [
            (T0, at(1), "major_outage"),
            (at(1), at(2), "operational"),
            (at(2), None, "degraded"),
        ]


class TestDayEntry:
    def test_overlap_is_the_part_inside_and_a_lasting_interval_runs_until_now(self) -> None:
        assert overlap(at(-2), at(2), T0, at(24), at(30)) == timedelta(hours=2)
        assert overlap(at(20), None, T0, at(24), at(22)) == timedelta(hours=2)
        assert overlap(at(25), None, T0, at(24), at(30)) == timedelta(0)

    def test_a_day_names_its_worst_status_minutes_down_and_incidents(self) -> None:
        outage, works = uuid4(), uuid4()
        intervals = [
            (at(-5), at(3), "maintenance"),
            (at(3), at(3.5), "major_outage"),
            (at(3.5), at(30), "degraded"),
            (at(30), None, "operational"),
        ]
        spans = [(works, at(-5), at(3)), (outage, at(3), at(30))]
        day = day_entry(T0.date(), intervals, spans, at(100))
        assert day == {
            "date": T0.date(),
            "status": "major_outage",
            "minutes_not_operational": 21 * 60,
            "incident_ids": sorted([works, outage], key=str),
        }
        next_day = day_entry(date(2026, 3, 11), intervals, spans, at(100))
        assert (next_day["status"], next_day["minutes_not_operational"]) == ("degraded", 6 * 60)
        assert next_day["incident_ids"] == [outage]

    def test_today_counts_until_now_and_a_day_before_the_history_has_no_status(self) -> None:
        intervals = [(at(2), None, "partial_outage")]
        today = day_entry(T0.date(), intervals, [], at(5))
        assert (today["status"], today["minutes_not_operational"]) == ("partial_outage", 180)
        before = day_entry(date(2026, 3, 9), intervals, [], at(5))
        assert (before["status"], before["minutes_not_operational"]) == (None, 0)


class TestAvailability:
    def test_a_period_is_whole_utc_days_ending_now_while_it_runs(self) -> None:
        assert period_of(date(2026, 3, 1), date(2026, 3, 9), at(100)) == (
            datetime(2026, 3, 1, tzinfo=UTC),
            T0,
        )
        assert period_of(date(2026, 3, 1), date(2026, 3, 31), at(5)) == (
            datetime(2026, 3, 1, tzinfo=UTC),
            at(5),
        )
        future = datetime(2026, 4, 1, tzinfo=UTC)
        assert period_of(date(2026, 4, 1), date(2026, 4, 2), at(5)) == (future, future)

    def test_maintenance_counts_as_available_outages_do_not(self) -> None:
        intervals = [
            (T0, at(6), "operational"),
            (at(6), at(12), "maintenance"),
            (at(12), at(18), "degraded"),
            (at(18), at(24), "major_outage"),
        ]
        measured = availability(intervals, T0, at(24), at(100))
        assert (measured.observed, measured.available) == (timedelta(hours=24), timedelta(hours=12))
        assert measured.percent == 50.0

    def test_only_the_overlap_with_the_period_counts(self) -> None:
        intervals = [(at(-48), at(6), "major_outage"), (at(6), None, "operational")]
        measured = availability(intervals, T0, at(24), at(100))
        assert measured.percent == 75.0

    def test_equipment_installed_mid_period_counts_from_then(self) -> None:
        intervals = [(at(18), None, "operational")]
        measured = availability(intervals, T0, at(24), at(100))
        assert (measured.observed, measured.percent) == (timedelta(hours=6), 100.0)

    def test_a_running_period_counts_until_now(self) -> None:
        intervals = [(T0, at(1), "major_outage"), (at(1), None, "operational")]
        measured = availability(intervals, T0, at(4), at(4))
        assert measured.percent == 75.0

    def test_no_time_in_the_period_has_no_availability(self) -> None:
        assert availability([], T0, at(24), at(100)).percent is None

    def test_time_to_resolve_is_a_mean_and_a_max_in_hours(self) -> None:
        assert resolution([timedelta(hours=1), timedelta(hours=2, minutes=30)]) == (1.75, 2.5)
        assert resolution([]) == (None, None)
