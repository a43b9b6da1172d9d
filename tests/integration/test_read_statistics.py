"""What is computed from the status intervals, through the site on SQLite and PostgreSQL: the
intervals themselves, the daily strips of the status page, and the statistics."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest
from sqlalchemy import select

from projections import equipment_history
from tests.integration.api import Api
from tests.integration.test_read_status import (
    Home,
    at_hour,
    caught_up,
    engine_of,
    home,
    maintain,
    midnight_passed_safely,
    open_incident,
    post_update,
    schedule,
)


@pytest.fixture
def tilleuls(api: Api, admin: dict[str, str]) -> Home:
    return home(api, admin)


# -- status intervals and the daily strips ----------------------------------------------------


def intervals_of(api: Api, equipment_id: str) -> list[tuple[datetime, datetime | None, str]]:
    rows = equipment_history.intervals.c
    with engine_of(api).connect() as conn:
        found = conn.execute(
            select(rows.since, rows.until, rows.status)
            .where(rows.equipment_id == UUID(equipment_id))
            .order_by(rows.since)
        ).all()
    return [(utc(s), utc(u) if u else None, status) for s, u, status in found]


def utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class TestStatusIntervals:
    def test_each_change_of_the_shown_status_closes_an_interval_and_opens_the_next(
        self, api: Api, tilleuls: Home
    ) -> None:
        lift, manager = tilleuls.lift, tilleuls.manager
        api.command("PUT", f"/equipment/{lift}/status", manager, {"status": "degraded"})
        window = schedule(api, tilleuls, [lift], timedelta(hours=1), timedelta(hours=2))
        maintain(api, tilleuls, window["id"], "start")
        incident = open_incident(api, tilleuls, {lift: "major_outage"})["id"]
        # Neither changes what is shown: no new interval.
        maintain(api, tilleuls, window["id"], "complete")
        post_update(api, tilleuls, incident, "Diagnostic fait", "in_progress")
        post_update(api, tilleuls, incident, "Réparé", "resolved")
        last = api.command("POST", f"/equipment/{lift}/retire", manager)
        caught_up(api, last, equipment_history.projection)

        found = intervals_of(api, lift)
        assert [status for _, _, status in found] == [
            "operational",
            "degraded",
            "maintenance",
            "major_outage",
            "degraded",
        ]
        assert all(found[n][1] == found[n + 1][0] for n in range(len(found) - 1))
        assert found[-1][1] is not None  # retired: the last interval is closed

    def test_a_back_dated_incident_rewrites_the_history_from_its_start(
        self, api: Api, tilleuls: Home
    ) -> None:
        now = datetime.now(UTC)
        last = open_incident(
            api, tilleuls, {tilleuls.light: "partial_outage"}, now - timedelta(hours=5)
        )
        api.read("/copros", tilleuls.manager, after=last["position"])
        [(since, until, status)] = intervals_of(api, tilleuls.light)
        assert (since, until, status) == (now - timedelta(hours=5), None, "partial_outage")

    def test_a_back_dated_incident_agreeing_with_the_history_leaves_it_as_it_was(
        self, api: Api, tilleuls: Home
    ) -> None:
        lift, manager = tilleuls.lift, tilleuls.manager
        api.command("PUT", f"/equipment/{lift}/status", manager, {"status": "degraded"})
        time.sleep(0.01)
        last = open_incident(api, tilleuls, {lift: "major_outage"})
        caught_up(api, last, equipment_history.projection)
        before = intervals_of(api, lift)
        assert [status for _, _, status in before] == ["operational", "degraded", "major_outage"]

        # Degraded from between the manual status and the outage: nothing shown changes.
        (_, _, _), (set_at, broke_at, _), _ = before
        last = open_incident(api, tilleuls, {lift: "degraded"}, set_at + (broke_at - set_at) / 2)
        caught_up(api, last, equipment_history.projection)
        assert intervals_of(api, lift) == before


class TestHistoryStrip:
    def test_each_day_names_its_worst_status_its_minutes_down_and_its_incidents(
        self, api: Api, tilleuls: Home
    ) -> None:
        today = midnight_passed_safely().date()
        yesterday = today - timedelta(days=1)
        planned = open_incident(
            api, tilleuls, {tilleuls.lift: "maintenance"}, at_hour(yesterday, 12)
        )["id"]
        broken = open_incident(
            api, tilleuls, {tilleuls.lift: "major_outage"}, at_hour(yesterday, 18)
        )["id"]
        last = post_update(api, tilleuls, broken, "Réparé", "resolved")

        answer = api.read(f"/status/{tilleuls.slug}/history?days=3", after=last["position"])
        assert answer.status_code == 200, answer.text
        strip = {e["id"]: e["days"] for e in answer.json()["equipment"]}[tilleuls.lift]
        assert [d["date"] for d in strip] == [
            (today - timedelta(days=n)).isoformat() for n in (2, 1, 0)
        ]
        before, during, now = strip
        assert (before["status"], before["minutes_not_operational"]) == (None, 0)
        assert during["status"] == "major_outage"
        assert during["minutes_not_operational"] == 6 * 60
        assert set(during["incident_ids"]) == {planned, broken}
        assert now["status"] == "major_outage"
        assert set(now["incident_ids"]) == {planned, broken}

    def test_the_number_of_days_is_between_1_and_366(self, api: Api, tilleuls: Home) -> None:
        for days, expected in ((0, 422), (1, 200), (366, 200), (367, 422)):
            answer = api.read(f"/status/{tilleuls.slug}/history?days={days}")
            assert answer.status_code == expected, days
        assert (
            len(api.read(f"/status/{tilleuls.slug}/history").json()["equipment"][0]["days"]) == 90
        )

    def test_a_private_page_and_its_history_are_for_members_only(
        self, api: Api, tilleuls: Home
    ) -> None:
        hidden = api.command(
            "PATCH", f"/copros/{tilleuls.id}", tilleuls.manager, {"public_status_page": False}
        )
        for path in (f"/status/{tilleuls.slug}", f"/status/{tilleuls.slug}/history"):
            assert api.read(path, after=hidden["position"]).status_code == 404
            assert api.read(path, tilleuls.resident).status_code == 200


# -- statistics -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sequence:
    home: Home
    today: date
    works: str
    outage: str
    partial: str
    resolved_between: tuple[datetime, datetime]
    last: dict[str, Any]


@pytest.fixture
def sequence(api: Api, admin: dict[str, str]) -> Sequence:
    """The lift's history two and one days ago (days Z and Y, UTC): works announced as an
    incident with impact `maintenance` from Z 12:00 (still open), a major outage from Z 18:00
    and a partial one from Z 20:00 overlapping it, both resolved now. So on Z the lift exists
    from 12:00 and is available 6 hours out of 12; on Y it is down all day."""
    at = home(api, admin)
    today = midnight_passed_safely().date()
    z = today - timedelta(days=2)
    works = open_incident(api, at, {at.lift: "maintenance"}, at_hour(z, 12))["id"]
    outage = open_incident(api, at, {at.lift: "major_outage"}, at_hour(z, 18))["id"]
    partial = open_incident(api, at, {at.lift: "partial_outage"}, at_hour(z, 20))["id"]
    before = datetime.now(UTC)
    post_update(api, at, outage, "Réparé", "resolved")
    last = post_update(api, at, partial, "Réparé aussi", "resolved")
    return Sequence(at, today, works, outage, partial, (before, datetime.now(UTC)), last)


def statistics(api: Api, s: Sequence, query: str = "") -> dict[str, Any]:
    answer = api.read(
        f"/copros/{s.home.id}/statistics{query}", s.home.resident, after=s.last["position"]
    )
    assert answer.status_code == 200, answer.text
    return answer.json()  # type: ignore[no-any-return]


def of(body: dict[str, Any], equipment_id: str) -> dict[str, Any]:
    return next(e for e in body["equipment"] if e["id"] == equipment_id)


def days_ago(s: Sequence, n: int) -> str:
    return (s.today - timedelta(days=n)).isoformat()


class TestAvailability:
    def test_it_counts_from_the_start_of_the_history_and_overlapping_incidents_once(
        self, api: Api, sequence: Sequence
    ) -> None:
        z = days_ago(sequence, 2)
        lift = of(statistics(api, sequence, f"?from={z}&to={z}"), sequence.home.lift)
        assert (lift["observed_hours"], lift["available_hours"]) == (12, 6)
        assert lift["availability_percent"] == 50.0

    def test_an_incident_begun_before_the_period_counts_for_its_overlap(
        self, api: Api, sequence: Sequence
    ) -> None:
        y = days_ago(sequence, 1)
        body = statistics(api, sequence, f"?from={y}&to={y}")
        lift = of(body, sequence.home.lift)
        assert (lift["observed_hours"], lift["available_hours"]) == (24, 0)
        assert lift["availability_percent"] == 0.0
        assert lift["incidents"] == 0 and body["incidents_total"] == 0

    def test_a_period_of_several_days(self, api: Api, sequence: Sequence) -> None:
        z, y = days_ago(sequence, 2), days_ago(sequence, 1)
        lift = of(statistics(api, sequence, f"?from={z}&to={y}"), sequence.home.lift)
        assert lift["availability_percent"] == round(100 * 6 / 36, 3)

    def test_a_running_period_ends_now(self, api: Api, sequence: Sequence) -> None:
        z = at_hour(sequence.today - timedelta(days=2), 12)
        resolved = sequence.resolved_between
        asked = datetime.now(UTC)
        body = statistics(api, sequence, f"?from={days_ago(sequence, 2)}")
        answered = datetime.now(UTC)

        lift = of(body, sequence.home.lift)
        # Available: 6 hours, then from the last resolution until the question.
        least = (6 * 3600 + (asked - resolved[1]).total_seconds()) / (answered - z).total_seconds()
        most = (6 * 3600 + (answered - resolved[0]).total_seconds()) / (asked - z).total_seconds()
        assert 100 * least - 0.01 <= lift["availability_percent"] <= 100 * most + 0.01
        assert datetime.fromisoformat(body["period_end"]) <= answered
        light = of(body, sequence.home.light)
        assert (light["availability_percent"], light["incidents"]) == (100.0, 0)


class TestIncidentFigures:
    def test_incidents_per_day_per_equipment_and_their_time_to_resolve(
        self, api: Api, sequence: Sequence
    ) -> None:
        body = statistics(api, sequence, f"?from={days_ago(sequence, 3)}")
        assert body["incidents_per_day"] == {
            days_ago(sequence, 3): 0,
            days_ago(sequence, 2): 3,
            days_ago(sequence, 1): 0,
            days_ago(sequence, 0): 0,
        }
        lift = of(body, sequence.home.lift)
        assert lift["incidents"] == body["incidents_total"] == 3
        z = sequence.today - timedelta(days=2)
        early, late = (
            [(moment - at_hour(z, h)).total_seconds() / 3600 for h in (18, 20)]
            for moment in sequence.resolved_between
        )
        assert early[0] - 0.01 <= lift["max_hours_to_resolve"] <= late[0] + 0.01
        mean = lift["mean_hours_to_resolve"]
        assert sum(early) / 2 - 0.01 <= mean <= sum(late) / 2 + 0.01
        assert "operational or maintenance" in body["formula"]

    def test_the_default_period_is_the_last_twelve_months(
        self, api: Api, sequence: Sequence
    ) -> None:
        body = statistics(api, sequence)
        first = date.fromisoformat(body["from"])
        assert body["to"] == sequence.today.isoformat()
        assert first.replace(year=first.year + 1) - timedelta(days=1) == sequence.today
        assert len(body["incidents_per_day"]) in (365, 366)

    def test_a_period_ending_before_it_starts_is_refused(
        self, api: Api, sequence: Sequence
    ) -> None:
        answer = api.read(
            f"/copros/{sequence.home.id}/statistics?from=2025-02-01&to=2025-01-01",
            sequence.home.manager,
        )
        assert answer.status_code == 422
        assert answer.json()["detail"][0]["field"] == "to"
