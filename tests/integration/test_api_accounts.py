"""Accounts through the API: sign-up, activation, deactivation, passwords."""

from __future__ import annotations

import threading
from typing import Any

from eventsourcing.persistence import StoredEvent

from domain.account import Account, account_id_for
from domain.application import Condos
from tests.integration.api import Api, condo, manager_of, member


def a_condo_with_a_building(api: Api, admin: dict[str, str]) -> tuple[str, str]:
    copro_id = condo(api, admin)["id"]
    building = api.command("POST", f"/copros/{copro_id}/buildings", admin, {"name": "A"}, 201)
    return copro_id, building["id"]


def sign_up(api: Api, copro_id: str, building_id: str, email: str = "ines@example.org") -> Any:
    return api.client.post(
        "/api/v1/auth/register",
        json={
            "email": email,
            "password": "a long password",
            "first_name": "Inès",
            "last_name": "Moreau",
            "copro_id": copro_id,
            "building_id": building_id,
            "lot": "12",
            "floor": "3",
        },
    )


def can_log_in(api: Api, email: str, password: str = "a long password") -> bool:
    answer = api.client.post("/api/v1/auth/login", data={"username": email, "password": password})
    return answer.status_code == 200


class TestSignUp:
    def test_a_new_account_is_pending_until_a_manager_activates_it(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        copro_id, building_id = a_condo_with_a_building(api, admin)
        manager = manager_of(api, admin, copro_id, "m@example.org")
        signed_up = sign_up(api, copro_id, building_id)
        assert signed_up.status_code == 201, signed_up.text
        assert not can_log_in(api, "ines@example.org")

        api.command("POST", f"/accounts/{signed_up.json()['id']}/activate", manager)
        assert can_log_in(api, "ines@example.org")

    def test_one_email_opens_one_account_whatever_its_case(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        copro_id, building_id = a_condo_with_a_building(api, admin)
        assert sign_up(api, copro_id, building_id).status_code == 201
        again = sign_up(api, copro_id, building_id, "INES@Example.org")
        assert again.status_code == 409 and again.json()["code"] == "account_exists"

    def test_of_twenty_concurrent_sign_ups_with_one_email_exactly_one_succeeds(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        copro_id, building_id = a_condo_with_a_building(api, admin)
        barrier = threading.Barrier(20)
        codes: list[int] = []

        def attempt() -> None:
            barrier.wait()
            codes.append(sign_up(api, copro_id, building_id, "same@example.org").status_code)

        threads = [threading.Thread(target=attempt) for _ in range(20)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(codes) == [201] + [409] * 19

    def test_bad_fields_are_named(self, api: Api, admin: dict[str, str]) -> None:
        answer = api.client.post(
            "/api/v1/auth/register",
            json={"email": "not-an-email", "password": "short", "first_name": "", "copro_id": "x"},
        )
        assert answer.status_code == 422
        assert {e["field"] for e in answer.json()["detail"]} == {
            "email",
            "password",
            "first_name",
            "last_name",
            "copro_id",
            "building_id",
        }

    def test_an_unknown_condo_is_not_found_and_a_foreign_building_is_named(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        copro_id, _ = a_condo_with_a_building(api, admin)
        second = condo(api, admin, "Le Parc")["id"]
        foreign = api.command("POST", f"/copros/{second}/buildings", admin, {"name": "B"}, 201)[
            "id"
        ]
        unknown = sign_up(api, "00000000-0000-4000-8000-000000000000", foreign)
        misplaced = sign_up(api, copro_id, foreign)
        assert unknown.status_code == 404
        assert (
            misplaced.status_code == 422 and misplaced.json()["detail"][0]["field"] == "building_id"
        )


class TestActivation:
    def test_a_deactivated_account_cannot_log_in_until_reactivated(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        copro_id, _ = a_condo_with_a_building(api, admin)
        manager = manager_of(api, admin, copro_id, "m@example.org")
        member(api, manager, copro_id, "r@example.org", "resident")
        resident_id = str(account_id_for("r@example.org"))
        api.command("POST", f"/accounts/{resident_id}/deactivate", manager)
        assert not can_log_in(api, "r@example.org")
        api.command("POST", f"/accounts/{resident_id}/activate", manager)
        assert can_log_in(api, "r@example.org")

    def test_activating_an_active_account_is_a_conflict(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        copro_id, _ = a_condo_with_a_building(api, admin)
        manager = manager_of(api, admin, copro_id, "m@example.org")
        member(api, manager, copro_id, "r@example.org", "resident")
        answer = api.command(
            "POST", f"/accounts/{account_id_for('r@example.org')}/activate", manager, None, 409
        )
        assert answer["code"] == "account_state_conflict"

    def test_only_a_manager_of_the_accounts_condo_may(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        ours, building_id = a_condo_with_a_building(api, admin)
        theirs = condo(api, admin, "Le Parc")["id"]
        manager = manager_of(api, admin, ours, "m@example.org")
        outsider = manager_of(api, admin, theirs, "o@example.org")
        resident = member(api, manager, ours, "r@example.org", "resident")
        pending = sign_up(api, ours, building_id).json()["id"]
        assert (
            api.command("POST", f"/accounts/{pending}/activate", outsider, None, 404)["code"]
            == "not_found"
        )
        assert (
            api.command("POST", f"/accounts/{pending}/activate", resident, None, 403)["code"]
            == "forbidden"
        )
        assert (
            api.command("POST", f"/accounts/{pending}/activate", {}, None, 401)["code"]
            == "not_authenticated"
        )


class TestPassword:
    def test_a_new_password_replaces_the_old_one(self, api: Api, admin: dict[str, str]) -> None:
        copro_id, _ = a_condo_with_a_building(api, admin)
        resident = member(api, admin, copro_id, "r@example.org", "resident")
        api.command(
            "POST",
            "/auth/password",
            resident,
            {"current_password": "a long password", "new_password": "an even longer password"},
        )
        assert not can_log_in(api, "r@example.org")
        assert can_log_in(api, "r@example.org", "an even longer password")

    def test_the_current_password_must_be_right(self, api: Api, admin: dict[str, str]) -> None:
        copro_id, _ = a_condo_with_a_building(api, admin)
        resident = member(api, admin, copro_id, "r@example.org", "resident")
        answer = api.command(
            "POST",
            "/auth/password",
            resident,
            {"current_password": "wrong password", "new_password": "an even longer password"},
            401,
        )
        assert answer["code"] == "not_authenticated"
        assert can_log_in(api, "r@example.org")


def test_an_account_opened_before_operators_existed_replays_as_a_non_operator(
    condos: Condos,
) -> None:
    account_id = account_id_for("old@example.org")
    # Account.Opened as version 1 stored it: no `is_operator`, no class_version.
    v1_state = (
        b'{"timestamp":{"_type_":"datetime_iso","_data_":"2026-01-01T00:00:00+00:00"},'
        b'"originator_topic":"domain.account:Account","actor":"system","request_id":"r1",'
        b'"status":"active","is_admin":false}'
    )
    condos.recorder.insert_events(
        [StoredEvent(account_id, 1, "domain.account:Account.Opened", v1_state)]
    )
    account = condos.repository.get(account_id)
    assert isinstance(account, Account)
    assert (account.is_operator, account.is_admin, account.status) == (False, False, "active")
