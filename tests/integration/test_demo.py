"""`copro demo`'s year at Les Tilleuls, on SQLite and PostgreSQL: laid through the commands,
dated across the last twelve months, and shown on the status page and in the statistics as a
real building's would be."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from typing import Any

import pytest
from eventsourcing.utils import get_topic
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from copro.bootstrap import create_site, open_condos
from copro.cli import app as cli
from copro.demo import ADMIN, LOGINS, SLUG, Demo, seed_demo
from copro.settings import Settings
from domain.application import Condos
from domain.budget import Budget
from domain.email_claims_upgrade import EmailClaimsUpgrade
from domain.expense import Expense
from domain.incident import Incident
from domain.maintenance import Maintenance
from domain.ticket import Ticket
from tests.integration.api import Api
from tests.integration.test_erasure import env_of

HOUR = timedelta(hours=1)
OUTAGES = {"partial_outage", "major_outage"}


@pytest.fixture
def demo(condos: Condos) -> Demo:
    return seed_demo(condos)


def events(condos: Condos, *kinds: type) -> list[Any]:
    """The stored events of these kinds (all of them if none is named), in the log's order."""
    topics = [get_topic(kind) for kind in kinds] or None
    found = condos.recorder.select_notifications(start=1, limit=1_000_000, topics=topics or ())
    return [condos.mapper.to_domain_event(n) for n in found]


def month_of(moment: datetime | date) -> tuple[int, int]:
    return moment.year, moment.month


def months_back(today: date, count: int) -> set[tuple[int, int]]:
    """Today's month and the `count - 1` before it."""
    months = today.year * 12 + today.month - 1
    return {(m // 12, m % 12 + 1) for m in range(months - count + 1, months + 1)}


def test_its_events_are_dated_across_the_last_twelve_months_in_the_logs_order(
    condos: Condos, demo: Demo
) -> None:
    now = datetime.now(UTC)
    # The store's own record that its accounts hold their email claims is written when it
    # opens, before the demo, at the real time: it is not part of the year.
    laid = [e for e in events(condos) if not isinstance(e, EmailClaimsUpgrade.Completed)]
    stamps = [e.timestamp for e in laid]
    assert len(stamps) == demo.position - 1
    assert now - timedelta(days=366) < stamps[0] <= now - timedelta(days=360)
    assert stamps[-1] <= now
    # Laid in the order it happened (a command saves its aggregates in its own order, so the
    # events of one command may disagree by microseconds).
    assert all(b > a - timedelta(milliseconds=1) for a, b in pairwise(stamps))
    assert months_back(now.date(), 12) <= {month_of(s) for s in stamps}


def test_thirty_incidents_each_resolved_hours_or_days_after_it_began_but_todays_outage(
    condos: Condos, demo: Demo
) -> None:
    now = datetime.now(UTC)
    incidents = [condos.incident(e.originator_id) for e in events(condos, Incident.Opened)]
    still_open = [(i.title, i.status) for i in incidents if i.resolved_at is None]
    resolved = [i for i in incidents if i.resolved_at is not None]
    assert still_open == [("Ascenseur B2 en panne", "in_progress")]
    assert len(resolved) >= 30
    assert all(i.resolved_at - i.started_at >= HOUR for i in resolved)
    assert all(i.resolved_at < now - timedelta(days=7) for i in resolved)
    assert {i.status for i in resolved} == {"resolved", "closed"}
    assert sum(len(i.impacts) > 1 for i in incidents) >= 3
    # Back-dated when published, or begun when the ticket it was converted from was reported.
    assert sum(i.started_at < i.created_on - timedelta(minutes=5) for i in incidents) >= 8
    updates = events(condos, Incident.UpdatePosted)
    for incident in resolved:
        said = [u.status for u in updates if u.originator_id == incident.id]
        assert "in_progress" in said and None in said, incident.title
    reopened = [u for u in updates if u.message.startswith("Le problème est réapparu")]
    assert [u.status for u in reopened] == ["in_progress"]
    assert any(i.comments for i in incidents)


def test_tickets_in_every_state_from_residents_and_passers_by_many_reporting_incidents(
    condos: Condos, demo: Demo
) -> None:
    tickets = [condos.ticket(e.originator_id) for e in events(condos, Ticket.Reported)]
    states = Counter(t.status for t in tickets)
    assert set(states) == {"analyzing", "in_progress", "resolved", "closed"}
    assert {t.reporter_kind for t in tickets} == {"resident", "anonymous"}
    reports = Counter(t.incident_id for t in tickets if t.incident_id)
    assert sum(reports.values()) >= 30 and max(reports.values()) >= 3
    closed_at_once = [e for e in events(condos, Ticket.Closed) if e.reason]
    assert sum("Doublon" in e.reason for e in closed_at_once) >= 2 and len(closed_at_once) >= 4
    assert len(events(condos, Ticket.Reopened)) >= 2
    assert any(t.comments for t in tickets) and any(t.replies for t in tickets)


def test_maintenance_windows_past_in_progress_cancelled_and_planned_for_the_next_weeks(
    condos: Condos, demo: Demo
) -> None:
    now = datetime.now(UTC)
    windows = [condos.maintenance(e.originator_id) for e in events(condos, Maintenance.Scheduled)]
    states = Counter(w.state for w in windows)
    assert states["completed"] >= 9 and states["cancelled"] == 1
    # The manager's calendar opens on the last 30 days: one of them is there.
    assert any(
        now - timedelta(days=30) < w.ends_at < now for w in windows if w.state == "completed"
    )
    for window in (w for w in windows if w.state == "completed"):
        assert window.started_at == window.starts_at and window.completed_at == window.ends_at
    assert {e.actor for e in events(condos, Maintenance.Started, Maintenance.Completed)} == {
        "system"
    }
    (ongoing,) = (w for w in windows if w.state == "in_progress")
    assert ongoing.equipment_ids == [demo.equipment["Eau chaude B"]]
    assert ongoing.starts_at < now < ongoing.ends_at
    planned = [w for w in windows if w.state == "scheduled"]
    assert 2 <= len(planned) <= 3
    assert all(now < w.starts_at < now + timedelta(days=30) for w in planned)


def test_twelve_months_of_expenses_one_corrected_one_voided_against_two_approved_budgets(
    condos: Condos, demo: Demo
) -> None:
    today = datetime.now(UTC).date()
    expenses = [condos.expense(e.originator_id) for e in events(condos, Expense.Recorded)]
    dated = {date.fromisoformat(e.date) for e in expenses}
    assert min(dated) > today - timedelta(days=366)
    assert months_back(today, 12) <= {month_of(d) for d in dated}
    assert sum(e.category == "repairs" and e.equipment_id is not None for e in expenses) >= 15
    assert [e.reason for e in events(condos, Expense.Corrected)] == [
        "Montant mal saisi : facture rectificative d’EDF."
    ]
    assert [e.void_reason for e in expenses if e.voided] == ["Facture saisie deux fois."]
    last, this = (condos.budget(demo.copro_id, y) for y in (today.year - 1, today.year))
    assert last.state == this.state == "approved"
    assert [e.originator_id for e in events(condos, Budget.Amended)] == [this.id]


@pytest.fixture
def site(settings: Settings) -> Iterator[tuple[Api, Demo]]:
    """The demo seeded, then the site started on it (its projector catches up from the start,
    its scheduler finds nothing to do in the past)."""
    condos = open_condos(settings)
    seeded = seed_demo(condos)
    condos.close()
    settings.read_wait_seconds = 30.0
    with TestClient(create_site(settings)) as client:
        yield Api(client), seeded


def test_the_status_page_shows_todays_outage_reported_by_its_residents(
    site: tuple[Api, Demo],
) -> None:
    api, demo = site
    page = api.read(f"/status/{SLUG}", after=demo.position).json()
    shown = {e["name"]: e["status"] for b in page["buildings"] for e in b["equipment"]}
    assert len(shown) == 17
    assert {n: s for n, s in shown.items() if s != "operational"} == {
        "Ascenseur B2": "major_outage",
        "Eau chaude A": "degraded",
        "Eau chaude B": "maintenance",
    }
    (outage,) = page["open_incidents"]
    assert outage["title"] == "Ascenseur B2 en panne" and outage["reporter_count"] == 4
    assert [w["title"] for w in page["maintenances"]["in_progress"]] == [
        "Entretien de l’eau chaude du bâtiment B"
    ]
    assert len(page["maintenances"]["planned"]) == 3
    assert len(page["recent_incidents"]) >= 5


def test_the_90_day_strips_and_the_statistics_look_like_a_real_buildings(
    site: tuple[Api, Demo],
) -> None:
    api, demo = site
    history = api.read(f"/status/{SLUG}/history", after=demo.position).json()
    strips = {p["name"]: [d["status"] for d in p["days"]] for p in history["equipment"]}
    broken = {name for name, days in strips.items() if OUTAGES & set(days)}
    assert len(broken) >= 4, broken
    assert all(days.count("operational") >= 60 for days in strips.values())
    api.login(ADMIN.email, ADMIN.password)  # the printed logins open
    manager = api.login(LOGINS[0].email, LOGINS[0].password)
    statistics = api.read(f"/copros/{demo.copro_id}/statistics", manager).json()
    assert statistics["incidents_total"] >= 30
    lift = next(e for e in statistics["equipment"] if e["name"] == "Ascenseur B2")
    assert 90 < lift["availability_percent"] < 100
    assert lift["incidents"] >= 4 and lift["max_hours_to_resolve"] >= 24


def test_if_empty_lays_the_demo_in_a_new_store_and_never_twice(settings: Settings) -> None:
    """What `make run` does on a fresh checkout: a new store gets the demo (though opening it
    wrote the store's own record of email claims), a store holding the demo is left as it is."""
    env = env_of(settings)
    first = CliRunner().invoke(cli, ["demo", "--if-empty"], env=env)
    assert first.exit_code == 0, first.output
    assert f"status page /c/{SLUG}" in first.stdout and "store not empty" not in first.stdout
    again = CliRunner().invoke(cli, ["demo", "--if-empty"], env=env)
    assert again.exit_code == 0, again.output
    assert "store not empty: demo not seeded" in again.stdout
