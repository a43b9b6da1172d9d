"""Maintenance windows through the command API, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest

from tests.integration.api import Api, condo, manager_of, member

START = (datetime.now(UTC) + timedelta(days=2)).replace(microsecond=0)
END = START + timedelta(hours=4)


def iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


@dataclass
class Condo:
    id: str
    manager: dict[str, str]
    lift: str
    building: str


def equipped_condo(api: Api, admin: dict[str, str], name: str, email: str) -> Condo:
    copro_id = condo(api, admin, name)["id"]
    manager = manager_of(api, admin, copro_id, email)
    building = api.command("POST", f"/copros/{copro_id}/buildings", manager, {"name": "A"}, 201)
    lift = api.command(
        "POST",
        f"/copros/{copro_id}/equipment",
        manager,
        {"building_id": building["id"], "name": "Ascenseur 1", "category": "lift"},
        201,
    )
    return Condo(copro_id, manager, lift["id"], building["id"])


@pytest.fixture
def ours(api: Api, admin: dict[str, str]) -> Condo:
    return equipped_condo(api, admin, "Résidence Les Tilleuls", "manager@tilleuls.fr")


def plan(ours: Condo, **overrides: Any) -> dict[str, Any]:
    body = {
        "title": "Révision annuelle de l'ascenseur",
        "description": "Ascenseur arrêté toute la matinée",
        "equipment_ids": [ours.lift],
        "starts_at": iso(START),
        "ends_at": iso(END),
    }
    return body | overrides


def schedule(api: Api, ours: Condo, **overrides: Any) -> dict[str, Any]:
    return api.command(
        "POST", f"/copros/{ours.id}/maintenances", ours.manager, plan(ours, **overrides), 201
    )


def fields(answer: dict[str, Any]) -> set[str]:
    assert answer["code"] == "validation_error"
    return {e["field"] for e in answer["detail"]}


class TestSchedule:
    def test_a_manager_plans_a_window_and_gets_a_receipt(self, api: Api, ours: Condo) -> None:
        receipt = schedule(api, ours)
        assert set(receipt) == {"id", "version", "position"}
        assert receipt["version"] == 1 and receipt["position"] > 0

    def test_the_description_is_optional_and_times_may_name_any_zone(
        self, api: Api, ours: Condo
    ) -> None:
        body = plan(ours, starts_at="2031-06-01T10:00:00+02:00", ends_at="2031-06-01T12:00:00Z")
        del body["description"]
        api.command("POST", f"/copros/{ours.id}/maintenances", ours.manager, body, 201)

    def test_each_bad_field_is_named(self, api: Api, ours: Condo) -> None:
        bad = {
            "title": "ab",
            "description": "x" * 5001,
            "equipment_ids": ["not-a-uuid"],
            "starts_at": "2031-06-01T10:00:00",
            "ends_at": "tomorrow",
            "colour": "red",
        }
        answer = api.command("POST", f"/copros/{ours.id}/maintenances", ours.manager, bad, 422)
        assert fields(answer) == {
            "title",
            "description",
            "equipment_ids.0",
            "starts_at",
            "ends_at",
            "colour",
        }

    def test_a_bad_value_is_named(self, api: Api, ours: Condo) -> None:
        bad: list[tuple[dict[str, Any], str]] = [
            ({"title": "x" * 201}, "title"),
            ({"equipment_ids": []}, "equipment_ids"),
            ({"equipment_ids": "lift"}, "equipment_ids"),
            ({"ends_at": iso(START)}, "ends_at"),
            ({"ends_at": iso(START - timedelta(hours=1))}, "ends_at"),
            # Outside the condo's years, at the ends where no UTC form exists.
            ({"starts_at": "0001-01-01T00:00:00+14:00"}, "starts_at"),
            ({"ends_at": "9999-12-31T23:59:59-14:00"}, "ends_at"),
        ]
        for overrides, field in bad:
            answer = api.command(
                "POST",
                f"/copros/{ours.id}/maintenances",
                ours.manager,
                plan(ours, **overrides),
                422,
            )
            assert fields(answer) == {field}, overrides

    def test_equipment_of_another_condo_retired_or_unknown_is_refused(
        self, api: Api, admin: dict[str, str], ours: Condo
    ) -> None:
        theirs = equipped_condo(api, admin, "Le Parc", "manager@parc.fr")
        spare = api.command(
            "POST",
            f"/copros/{ours.id}/equipment",
            ours.manager,
            {"building_id": ours.building, "name": "Ancien monte-charge", "category": "lift"},
            201,
        )
        api.command("POST", f"/equipment/{spare['id']}/retire", ours.manager)
        for equipment_id in (theirs.lift, spare["id"], str(uuid4())):
            answer = api.command(
                "POST",
                f"/copros/{ours.id}/maintenances",
                ours.manager,
                plan(ours, equipment_ids=[ours.lift, equipment_id]),
                422,
            )
            assert fields(answer) == {"equipment_ids"}

    def test_only_a_signed_in_manager_of_the_condo_may_plan(
        self, api: Api, admin: dict[str, str], ours: Condo
    ) -> None:
        resident = member(api, ours.manager, ours.id, "r@tilleuls.fr", "resident")
        outsider = equipped_condo(api, admin, "Le Parc", "manager@parc.fr").manager
        path = f"/copros/{ours.id}/maintenances"
        assert api.command("POST", path, {}, plan(ours), 401)["code"] == "not_authenticated"
        assert api.command("POST", path, resident, plan(ours), 403)["code"] == "forbidden"
        assert api.command("POST", path, outsider, plan(ours), 404)["code"] == "not_found"
        unknown = f"/copros/{uuid4()}/maintenances"
        assert api.command("POST", unknown, ours.manager, plan(ours), 404)["code"] == "not_found"


class TestLifecycle:
    def test_a_window_is_started_extended_and_completed_early_by_hand(
        self, api: Api, ours: Condo
    ) -> None:
        window = schedule(api, ours)["id"]
        started = api.command("POST", f"/maintenances/{window}/start", ours.manager)
        extended = api.command(
            "POST",
            f"/maintenances/{window}/extend",
            ours.manager,
            {"ends_at": iso(END + timedelta(hours=2))},
        )
        completed = api.command("POST", f"/maintenances/{window}/complete", ours.manager)
        assert [r["version"] for r in (started, extended, completed)] == [2, 3, 4]
        assert started["position"] < extended["position"] < completed["position"]
        assert completed["id"] == window

    def test_a_window_is_cancelled_with_or_without_a_reason(self, api: Api, ours: Condo) -> None:
        for body in (None, {}, {"reason": "intervenant indisponible"}):
            window = schedule(api, ours)["id"]
            cancelled = api.command("POST", f"/maintenances/{window}/cancel", ours.manager, body)
            assert cancelled["version"] == 2

    def test_a_transition_the_state_does_not_allow_is_a_conflict(
        self, api: Api, ours: Condo
    ) -> None:
        window = schedule(api, ours)["id"]
        refused = api.command("POST", f"/maintenances/{window}/complete", ours.manager, None, 409)
        assert refused["code"] == "maintenance_transition_not_allowed"
        assert refused["state"] == "scheduled"
        api.command("POST", f"/maintenances/{window}/start", ours.manager)
        again = api.command("POST", f"/maintenances/{window}/start", ours.manager, None, 409)
        assert (again["code"], again["state"]) == (
            "maintenance_transition_not_allowed",
            "in_progress",
        )
        api.command("POST", f"/maintenances/{window}/complete", ours.manager)
        for path, body in [
            ("start", None),
            ("complete", None),
            ("cancel", {"reason": "trop tard"}),
            ("extend", {"ends_at": iso(END + timedelta(days=1))}),
        ]:
            answer = api.command("POST", f"/maintenances/{window}/{path}", ours.manager, body, 409)
            assert answer["code"] == "maintenance_transition_not_allowed", path
        edit = api.command("PATCH", f"/maintenances/{window}", ours.manager, {"title": "Bis"}, 409)
        assert edit["state"] == "completed"

    def test_an_extension_must_end_later_than_now_planned(self, api: Api, ours: Condo) -> None:
        window = schedule(api, ours)["id"]
        path = f"/maintenances/{window}/extend"
        for ends_at in (iso(END), iso(END - timedelta(hours=1)), "2031-06-01T10:00:00"):
            answer = api.command("POST", path, ours.manager, {"ends_at": ends_at}, 422)
            assert fields(answer) == {"ends_at"}
        assert fields(api.command("POST", path, ours.manager, {}, 422)) == {"ends_at"}

    def test_a_short_cancellation_reason_is_named(self, api: Api, ours: Condo) -> None:
        window = schedule(api, ours)["id"]
        answer = api.command(
            "POST", f"/maintenances/{window}/cancel", ours.manager, {"reason": "no"}, 422
        )
        assert fields(answer) == {"reason"}

    def test_another_condos_manager_and_a_resident_cannot_touch_it(
        self, api: Api, admin: dict[str, str], ours: Condo
    ) -> None:
        window = schedule(api, ours)["id"]
        resident = member(api, ours.manager, ours.id, "r@tilleuls.fr", "resident")
        outsider = equipped_condo(api, admin, "Le Parc", "manager@parc.fr").manager
        for path in ("start", "complete", "cancel"):
            url = f"/maintenances/{window}/{path}"
            assert api.command("POST", url, {}, None, 401)["code"] == "not_authenticated"
            assert api.command("POST", url, resident, None, 403)["code"] == "forbidden"
            assert api.command("POST", url, outsider, None, 404)["code"] == "not_found"
        unknown = api.command("POST", f"/maintenances/{uuid4()}/start", ours.manager, None, 404)
        assert unknown["code"] == "not_found"


class TestEdit:
    def test_a_scheduled_window_is_edited_from_its_current_version(
        self, api: Api, ours: Condo
    ) -> None:
        window = schedule(api, ours)["id"]
        later = START + timedelta(days=1)
        edited = api.command(
            "PATCH",
            f"/maintenances/{window}",
            ours.manager,
            {
                "title": "Révision reportée",
                "starts_at": iso(later),
                "ends_at": iso(later + timedelta(hours=3)),
                "expected_version": 1,
            },
        )
        assert edited["version"] == 2
        stale = api.command(
            "PATCH",
            f"/maintenances/{window}",
            ours.manager,
            {"title": "Encore reportée", "expected_version": 1},
            409,
        )
        assert (stale["code"], stale["current_version"]) == ("version_conflict", 2)

    def test_an_edit_naming_nothing_new_changes_nothing(self, api: Api, ours: Condo) -> None:
        window = schedule(api, ours)
        same = api.command(
            "PATCH", f"/maintenances/{window['id']}", ours.manager, {"equipment_ids": [ours.lift]}
        )
        assert same["version"] == 1

    def test_a_bad_edit_is_named(self, api: Api, admin: dict[str, str], ours: Condo) -> None:
        window = schedule(api, ours)["id"]
        theirs = equipped_condo(api, admin, "Le Parc", "manager@parc.fr")
        path = f"/maintenances/{window}"
        for body, field in [
            ({"starts_at": iso(END + timedelta(hours=1))}, "starts_at"),
            ({"ends_at": iso(START - timedelta(hours=1))}, "ends_at"),
            ({"equipment_ids": [theirs.lift]}, "equipment_ids"),
            ({"state": "completed"}, "state"),
            ({"title": 42}, "title"),
        ]:
            assert fields(api.command("PATCH", path, ours.manager, body, 422)) == {field}

    def test_a_window_in_progress_can_only_be_extended(self, api: Api, ours: Condo) -> None:
        window = schedule(api, ours)["id"]
        api.command("POST", f"/maintenances/{window}/start", ours.manager)
        refused = api.command(
            "PATCH", f"/maintenances/{window}", ours.manager, {"title": "Autre titre"}, 409
        )
        assert refused["code"] == "maintenance_transition_not_allowed"
        api.command(
            "POST",
            f"/maintenances/{window}/extend",
            ours.manager,
            {"ends_at": iso(END + timedelta(hours=1))},
        )
