"""The status page, its derived statuses, the status intervals and the daily strips, fed by real
commands through the site (projector running), on SQLite and PostgreSQL."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, select

from copro.tokens import issue_token
from domain.application import Condos
from projections import equipment_history, incidents, maintenance_calendar, status_page
from projections.engine import Projection, Projector
from projections.state import projection_state
from tests.integration.api import Api, account_id, condo
from tests.integration.helpers import rows_of

# -- the steps these tests share --------------------------------------------------------------


@dataclass(frozen=True)
class Home:
    """A condo as its members see it: building A with a lift and the hall lighting."""

    id: str
    slug: str
    manager: dict[str, str]
    resident: dict[str, str]
    building: str
    lift: str
    light: str


def appoint(api: Api, by: dict[str, str], copro_id: str, email: str, role: str) -> dict[str, str]:
    """Gives `email` a role in the condo; answers their headers, the token issued as a login
    would (sparing the password hashing)."""
    body = {"email": email, "first_name": "Inès", "last_name": "Moreau", "role": role}
    api.command("POST", f"/copros/{copro_id}/members", by, body, 201)
    settings = api.client.app.command_app.state.settings  # type: ignore[attr-defined]
    token = issue_token(account_id(api, email), 0, settings.signing_key, timedelta(hours=1))
    return {"Authorization": f"Bearer {token}"}


def home(
    api: Api, admin: dict[str, str], name: str = "Résidence Les Tilleuls", people: str = "t.fr"
) -> Home:
    copro_id = condo(api, admin, name)["id"]
    manager = appoint(api, admin, copro_id, f"manager@{people}", "manager")
    resident = appoint(api, manager, copro_id, f"resident@{people}", "resident")
    building = api.command("POST", f"/copros/{copro_id}/buildings", manager, {"name": "A"}, 201)
    lift, light = (
        api.command(
            "POST",
            f"/copros/{copro_id}/equipment",
            manager,
            {"building_id": building["id"], "name": name, "category": category, "order": order},
            201,
        )
        for order, (name, category) in enumerate(
            [("Ascenseur 1", "lift"), ("Éclairage hall", "lighting")]
        )
    )
    # Read once every read model has the last of it: a test's first read then sees it whole.
    slug = api.read(f"/copros/{copro_id}", manager, after=light["position"]).json()["slug"]
    for part in ("", "/history", "/feed.atom"):
        api.read(f"/status/{slug}{part}", manager, after=light["position"])
    return Home(copro_id, slug, manager, resident, building["id"], lift["id"], light["id"])


def open_incident(
    api: Api, at: Home, impacts: dict[str, str], started_at: datetime | None = None, **extra: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "title": "Panne",
        "message": "Nous sommes prévenus.",
        "impacts": [{"equipment_id": e, "impact": i} for e, i in impacts.items()],
        **extra,
    }
    if started_at:
        body["started_at"] = started_at.isoformat()
    return api.command("POST", f"/copros/{at.id}/incidents", at.manager, body, 201)


def post_update(
    api: Api, at: Home, incident_id: str, message: str, status: str | None = None
) -> dict[str, Any]:
    body = {"message": message, **({"status": status} if status else {})}
    return api.command("POST", f"/incidents/{incident_id}/updates", at.manager, body)


def schedule(
    api: Api, at: Home, equipment_ids: list[str], starts_in: timedelta, lasts: timedelta
) -> dict[str, Any]:
    starts_at = datetime.now(UTC) + starts_in
    body = {
        "title": "Révision annuelle",
        "description": "Ascenseur arrêté toute la matinée",
        "equipment_ids": equipment_ids,
        "starts_at": starts_at.isoformat(),
        "ends_at": (starts_at + lasts).isoformat(),
    }
    return api.command("POST", f"/copros/{at.id}/maintenances", at.manager, body, 201)


def maintain(api: Api, at: Home, maintenance_id: str, step: str) -> dict[str, Any]:
    return api.command("POST", f"/maintenances/{maintenance_id}/{step}", at.manager)


def page(api: Api, at: Home, after: dict[str, Any], who: dict[str, str] | None = None) -> Any:
    answer = api.read(f"/status/{at.slug}", who, after=after["position"])
    assert answer.status_code == 200, answer.text
    return answer.json()


def shown(body: dict[str, Any], equipment_id: str) -> dict[str, Any]:
    return next(e for b in body["buildings"] for e in b["equipment"] if e["id"] == equipment_id)


def caught_up(api: Api, receipt: dict[str, Any], *projections: Projection) -> None:
    """Waits until these projections have passed the receipt's position, whatever the others
    do (an `X-Copro-After` read waits for every projection)."""
    names = [p.name for p in projections]
    deadline = time.monotonic() + 5
    while True:
        with engine_of(api).connect() as conn:
            positions = (
                conn.execute(
                    select(projection_state.c.position).where(projection_state.c.name.in_(names))
                )
                .scalars()
                .all()
            )
        if len(positions) == len(names) and min(positions) >= receipt["position"]:
            return
        assert time.monotonic() < deadline, f"{names} did not reach {receipt['position']}"
        time.sleep(0.02)


def engine_of(api: Api) -> Engine:
    return api.client.app.query_app.state.engine  # type: ignore[attr-defined,no-any-return]


def condos_of(api: Api) -> Condos:
    return api.client.app.condos  # type: ignore[attr-defined,no-any-return]


def midnight_passed_safely() -> datetime:
    """Now, unless a UTC day is about to end: a test reasoning about today and yesterday
    waits for the next day rather than straddle two."""
    now = datetime.now(UTC)
    to_midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), UTC) - now
    if to_midnight < timedelta(minutes=1):
        time.sleep(to_midnight.total_seconds() + 0.5)
    return datetime.now(UTC)


def at_hour(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


@pytest.fixture
def tilleuls(api: Api, admin: dict[str, str]) -> Home:
    return home(api, admin)


# -- the derived status -----------------------------------------------------------------------


class TestDerivedStatus:
    def test_resolving_the_last_open_incident_shows_the_lift_operational_again(
        self, api: Api, tilleuls: Home
    ) -> None:
        stuck = open_incident(api, tilleuls, {tilleuls.lift: "major_outage"})["id"]
        slow = open_incident(api, tilleuls, {tilleuls.lift: "degraded"})
        lift = shown(page(api, tilleuls, slow), tilleuls.lift)
        assert (lift["status"], lift["reason"]) == ("major_outage", "incident")

        after = post_update(api, tilleuls, stuck, "Réparé", "resolved")
        assert shown(page(api, tilleuls, after), tilleuls.lift)["status"] == "degraded"

        after = post_update(api, tilleuls, slow["id"], "Réparé aussi", "resolved")
        body = page(api, tilleuls, after)
        lift = shown(body, tilleuls.lift)
        assert (lift["status"], lift["reason"]) == ("operational", "manual")
        assert body["overall_status"] == "operational"

    def test_a_major_outage_during_maintenance_shows_the_outage_and_notes_the_maintenance(
        self, api: Api, tilleuls: Home
    ) -> None:
        window = schedule(api, tilleuls, [tilleuls.lift], timedelta(hours=1), timedelta(hours=2))
        started = maintain(api, tilleuls, window["id"], "start")
        lift = shown(page(api, tilleuls, started), tilleuls.lift)
        assert (lift["status"], lift["reason"], lift["under_maintenance"]) == (
            "maintenance",
            "maintenance",
            True,
        )

        after = open_incident(api, tilleuls, {tilleuls.lift: "major_outage"})
        body = page(api, tilleuls, after)
        lift = shown(body, tilleuls.lift)
        assert (lift["status"], lift["reason"], lift["under_maintenance"]) == (
            "major_outage",
            "incident",
            True,
        )
        assert body["overall_status"] == body["buildings"][0]["status"] == "major_outage"
        assert not shown(body, tilleuls.light)["under_maintenance"]

    def test_maintenance_in_progress_shows_maintenance_and_once_completed_the_manual_status(
        self, api: Api, tilleuls: Home
    ) -> None:
        api.command(
            "PUT", f"/equipment/{tilleuls.lift}/status", tilleuls.manager, {"status": "degraded"}
        )
        window = schedule(api, tilleuls, [tilleuls.lift], timedelta(hours=1), timedelta(hours=2))
        started = maintain(api, tilleuls, window["id"], "start")
        assert shown(page(api, tilleuls, started), tilleuls.lift)["status"] == "maintenance"

        completed = maintain(api, tilleuls, window["id"], "complete")
        lift = shown(page(api, tilleuls, completed), tilleuls.lift)
        assert (lift["status"], lift["reason"], lift["under_maintenance"]) == (
            "degraded",
            "manual",
            False,
        )

    def test_a_status_set_by_hand_during_an_incident_shows_once_it_is_resolved(
        self, api: Api, tilleuls: Home
    ) -> None:
        incident = open_incident(api, tilleuls, {tilleuls.lift: "partial_outage"})["id"]
        set_by_hand = api.command(
            "PUT", f"/equipment/{tilleuls.lift}/status", tilleuls.manager, {"status": "degraded"}
        )
        lift = shown(page(api, tilleuls, set_by_hand), tilleuls.lift)
        assert (lift["status"], lift["reason"]) == ("partial_outage", "incident")

        resolved = post_update(api, tilleuls, incident, "Réparé", "resolved")
        lift = shown(page(api, tilleuls, resolved), tilleuls.lift)
        assert (lift["status"], lift["reason"]) == ("degraded", "manual")

    def test_a_reopened_incident_and_changed_impacts_show_again(
        self, api: Api, tilleuls: Home
    ) -> None:
        incident = open_incident(api, tilleuls, {tilleuls.lift: "partial_outage"})["id"]
        post_update(api, tilleuls, incident, "Réparé", "resolved")
        reopened = post_update(api, tilleuls, incident, "Encore en panne", "in_progress")
        assert shown(page(api, tilleuls, reopened), tilleuls.lift)["status"] == "partial_outage"

        moved = api.command(
            "PATCH",
            f"/incidents/{incident}",
            tilleuls.manager,
            {"impacts": [{"equipment_id": tilleuls.light, "impact": "degraded"}]},
        )
        body = page(api, tilleuls, moved)
        assert shown(body, tilleuls.lift)["status"] == "operational"
        assert shown(body, tilleuls.light)["status"] == "degraded"

    def test_retired_equipment_no_longer_weighs_on_the_building(
        self, api: Api, tilleuls: Home
    ) -> None:
        open_incident(api, tilleuls, {tilleuls.light: "major_outage"})
        retired = api.command("POST", f"/equipment/{tilleuls.light}/retire", tilleuls.manager)
        caught_up(api, retired, status_page.projection)
        body = api.read(f"/status/{tilleuls.slug}").json()
        assert [e["id"] for e in body["buildings"][0]["equipment"]] == [tilleuls.lift]
        assert body["overall_status"] == "operational"


# -- what the page says about incidents and maintenance ---------------------------------------


class TestStatusPageContent:
    def test_open_incidents_show_their_public_timeline_newest_first_and_no_comment(
        self, api: Api, tilleuls: Home
    ) -> None:
        incident = open_incident(
            api, tilleuls, {tilleuls.lift: "degraded", tilleuls.light: "major_outage"}
        )["id"]
        api.command(
            "POST",
            f"/incidents/{incident}/comments",
            tilleuls.manager,
            {"text": "Le syndic sait qui a bloqué la porte"},
            201,
        )
        post_update(api, tilleuls, incident, "Technicien en route", "in_progress")
        last = post_update(api, tilleuls, incident, "Pièce commandée")

        answer = api.read(f"/status/{tilleuls.slug}", after=last["position"])
        body = answer.json()
        assert "bloqué la porte" not in answer.text
        [shown_incident] = body["open_incidents"]
        assert shown_incident["impact"] == "major_outage"
        assert shown_incident["status"] == "in_progress"
        assert {(e["name"], e["impact"]) for e in shown_incident["equipment"]} == {
            ("Ascenseur 1", "degraded"),
            ("Éclairage hall", "major_outage"),
        }
        assert [(t["status"], t["message"]) for t in shown_incident["timeline"]] == [
            ("in_progress", "Pièce commandée"),
            ("in_progress", "Technicien en route"),
            ("investigating", "Nous sommes prévenus."),
        ]
        assert shown_incident["reporter_count"] == 0
        assert body["recent_incidents"] == []

    def test_a_resolved_incident_moves_to_the_recent_ones_with_when_it_was_resolved(
        self, api: Api, tilleuls: Home
    ) -> None:
        incident = open_incident(api, tilleuls, {tilleuls.lift: "degraded"})["id"]
        before = datetime.now(UTC)
        closed = post_update(api, tilleuls, incident, "Réparé", "resolved")
        body = page(api, tilleuls, closed)
        assert body["open_incidents"] == []
        [recent] = body["recent_incidents"]
        assert recent["id"] == incident and recent["status"] == "resolved"
        resolved_at = datetime.fromisoformat(recent["resolved_at"])
        assert before <= resolved_at <= datetime.now(UTC)

    def test_maintenance_in_progress_and_planned_within_thirty_days_are_shown(
        self, api: Api, tilleuls: Home
    ) -> None:
        running = schedule(api, tilleuls, [tilleuls.lift], timedelta(hours=1), timedelta(hours=2))
        maintain(api, tilleuls, running["id"], "start")
        soon = schedule(api, tilleuls, [tilleuls.light], timedelta(days=10), timedelta(hours=3))
        later = schedule(api, tilleuls, [tilleuls.lift], timedelta(days=40), timedelta(hours=3))
        cancelled = schedule(api, tilleuls, [tilleuls.lift], timedelta(days=5), timedelta(hours=1))
        last = maintain(api, tilleuls, cancelled["id"], "cancel")

        maintenances = page(api, tilleuls, last)["maintenances"]
        assert [w["id"] for w in maintenances["in_progress"]] == [running["id"]]
        assert [w["id"] for w in maintenances["planned"]] == [soon["id"]]
        planned = maintenances["planned"][0]
        assert planned["equipment"] == [{"id": tilleuls.light, "name": "Éclairage hall"}]
        assert {"title", "description", "starts_at", "ends_at", "state"} <= set(planned)
        assert later["id"] not in str(maintenances)

    def test_reported_by_counts_the_tickets_linked_to_the_incident(
        self, api: Api, tilleuls: Home
    ) -> None:
        incident = open_incident(api, tilleuls, {tilleuls.lift: "major_outage"})["id"]
        last: dict[str, Any] = {}
        for _ in range(3):
            ticket = api.command(
                "POST",
                f"/copros/{tilleuls.id}/tickets",
                tilleuls.resident,
                {
                    "type": "incident",
                    "title": "Ascenseur bloqué",
                    "description": "Bloqué au 3e étage depuis ce matin.",
                    "equipment_ids": [tilleuls.lift],
                },
                201,
            )["id"]
            last = api.command(
                "POST", f"/tickets/{ticket}/link", tilleuls.manager, {"incident_id": incident}
            )
        [shown_incident] = page(api, tilleuls, last)["open_incidents"]
        assert shown_incident["reporter_count"] == 3


# -- rebuilding -------------------------------------------------------------------------------


class TestRebuild:
    @pytest.mark.parametrize(
        "projection",
        [
            status_page.projection,
            equipment_history.projection,
            incidents.projection,
            maintenance_calendar.projection,
        ],
        ids=lambda p: p.name,
    )
    def test_rebuilt_from_the_log_it_equals_the_rows_built_live(
        self, api: Api, tilleuls: Home, projection: Projection
    ) -> None:
        lift, light = tilleuls.lift, tilleuls.light
        window = schedule(api, tilleuls, [lift, light], timedelta(hours=1), timedelta(hours=2))
        maintain(api, tilleuls, window["id"], "start")
        incident = open_incident(
            api, tilleuls, {lift: "degraded"}, datetime.now(UTC) - timedelta(days=2)
        )["id"]
        api.command(
            "POST", f"/incidents/{incident}/comments", tilleuls.manager, {"text": "Interne"}, 201
        )
        api.command(
            "PATCH",
            f"/incidents/{incident}",
            tilleuls.manager,
            {"impacts": [{"equipment_id": light, "impact": "major_outage"}]},
        )
        maintain(api, tilleuls, window["id"], "complete")
        last = post_update(api, tilleuls, incident, "Réparé", "resolved")
        api.read("/copros", tilleuls.manager, after=last["position"])
        api.client.app.on_shutdown()  # type: ignore[attr-defined]  # the site's projector stops
        live = rows_of(engine_of(api), projection)

        rebuilt = Projector(
            projection, condos_of(api), engine_of(api), batch_size=4, rebuild_batch_size=4
        )
        rebuilt.reset()
        rebuilt.catch_up()

        assert rows_of(engine_of(api), projection) == live
        assert any(live.values())
