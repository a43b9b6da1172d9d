"""Accounts through the API: sign-up, signing in, activation, deactivation, passwords, and who
the signed-in account is."""

from __future__ import annotations

import threading
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.persistence import StoredEvent

from domain.account import Account, old_scheme_account_id
from domain.application import Condos, Receipt
from domain.base import Actor
from domain.commands.accounts import PlatformRole
from tests.integration.api import ADMIN, Api, account_id, condo, manager_of, member
from tests.integration.helpers import CLAIM_STEPS, saved_meanwhile


def a_condo_with_a_building(
    api: Api, admin: dict[str, str], name: str = "Résidence Les Tilleuls"
) -> tuple[str, str]:
    copro_id = condo(api, admin, name)["id"]
    building = api.command("POST", f"/copros/{copro_id}/buildings", admin, {"name": "A"}, 201)
    return copro_id, building["id"]


def sign_up(
    api: Api, copro_id: str, building_id: str, email: str = "ines@example.org", **other: str
) -> Any:
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
            **other,
        },
    )


def log_in(api: Api, email: str, password: str = "a long password") -> Any:
    return api.client.post("/api/v1/auth/login", data={"username": email, "password": password})


def can_log_in(api: Api, email: str, password: str = "a long password") -> bool:
    return log_in(api, email, password).status_code == 200  # type: ignore[no-any-return]


def condos_of(api: Api) -> Condos:
    return api.client.app.condos  # type: ignore[attr-defined,no-any-return]


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

    def test_a_taken_email_is_answered_as_a_new_one_and_its_account_left_as_it_was(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        copro_id, building_id = a_condo_with_a_building(api, admin)
        theirs, their_building = a_condo_with_a_building(api, admin, "Le Parc")
        manager_of(api, admin, theirs, "m@example.org")
        first = sign_up(api, copro_id, building_id)
        fresh = sign_up(api, copro_id, building_id, "nobody@example.org")
        condos = condos_of(api)
        for email in ["INES@Example.org", "M@example.org"]:
            held = account_id(api, email)
            before = condos.account(held), condos.person(held)
            taken = sign_up(
                api,
                theirs,
                their_building,
                email,
                password="the intruder's password",
                first_name="Intrus",
                last_name="Malin",
            )
            assert taken.status_code == fresh.status_code == 201, taken.text
            assert taken.json().keys() == fresh.json().keys() == {"id", "version", "position"}
            assert taken.json()["version"] == fresh.json()["version"]
            # A new random id, as a new email gets: neither the account's nor its email's.
            assert taken.json()["id"] not in (str(held), str(old_scheme_account_id(email)))
            assert condos.account(UUID(taken.json()["id"])) is None
            after = condos.account(held), condos.person(held)
            assert after == before
        assert first.json()["id"] == str(account_id(api, "ines@example.org"))
        assert can_log_in(api, "m@example.org")
        assert not can_log_in(api, "m@example.org", "the intruder's password")

    def test_of_twenty_concurrent_sign_ups_with_one_email_all_are_answered_alike_and_one_opens(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        copro_id, building_id = a_condo_with_a_building(api, admin)
        barrier = threading.Barrier(20)
        answers: list[Any] = []

        def attempt() -> None:
            barrier.wait()
            answers.append(sign_up(api, copro_id, building_id, "same@example.org"))

        threads = [threading.Thread(target=attempt) for _ in range(20)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert [a.status_code for a in answers] == [201] * 20
        assert len({a.json()["id"] for a in answers}) == 20  # each a random id, alike
        opened = [a for a in answers if condos_of(api).account(UUID(a.json()["id"]))]
        assert [a.json()["id"] for a in opened] == [str(account_id(api, "same@example.org"))]
        account = condos_of(api).account(account_id(api, "same@example.org"))
        assert account is not None and account.version == 2

    @pytest.mark.parametrize("step", CLAIM_STEPS)
    def test_a_sign_up_whose_email_is_taken_while_it_runs_is_answered_alike(
        self, api: Api, admin: dict[str, str], monkeypatch: pytest.MonkeyPatch, step: str
    ) -> None:
        """The race the twenty sign-ups above meet now and then, made to happen every time:
        another sign-up of the email is saved after this one found the email free, or after
        it claimed it."""
        copro_id, building_id = a_condo_with_a_building(api, admin)
        condos = condos_of(api)
        same = "same@example.org"
        rival = saved_meanwhile(
            monkeypatch, condos, step, lambda: sign_up(api, copro_id, building_id, same)
        )
        late = sign_up(api, copro_id, building_id, same)
        assert rival[0].status_code == late.status_code == 201, late.text
        assert late.json()["id"] != rival[0].json()["id"]
        assert condos.account(UUID(late.json()["id"])) is None
        assert str(account_id(api, same)) == rival[0].json()["id"]

    def test_a_platform_account_whose_email_opens_as_it_is_saved_is_given_its_role(
        self, api: Api, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """`copro admin create` for an email an operator's account opened for at that moment:
        one account, with both roles."""
        condos = condos_of(api)

        def opened(role: PlatformRole) -> Receipt:
            return condos.open_platform_account(
                Actor.system(),
                role=role,
                email="ops@example.org",
                first_name="Olga",
                last_name="Ops",
                password_hash="x",
            )

        rival = saved_meanwhile(monkeypatch, condos, "_new_person", lambda: opened("operator"))
        assert opened("admin").id == rival[0].id
        account = condos.account(account_id(api, "ops@example.org"))
        assert account is not None and account.is_admin and account.is_operator

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


class TestLogIn:
    def test_a_pending_account_giving_its_right_password_is_told_it_awaits_activation(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        copro_id, building_id = a_condo_with_a_building(api, admin)
        sign_up(api, copro_id, building_id)
        answer = log_in(api, "ines@example.org")
        assert answer.status_code == 403, answer.text
        assert answer.json()["code"] == "account_pending"

    def test_a_closed_account_giving_its_right_password_is_told_it_is_deactivated(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        copro_id, _ = a_condo_with_a_building(api, admin)
        member(api, admin, copro_id, "r@example.org", "resident")
        api.command("POST", f"/accounts/{account_id(api, 'r@example.org')}/deactivate", admin)
        answer = log_in(api, "r@example.org")
        assert answer.status_code == 403, answer.text
        assert answer.json()["code"] == "account_deactivated"

    def test_a_wrong_password_is_refused_alike_whoever_the_account_is(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        copro_id, building_id = a_condo_with_a_building(api, admin)
        sign_up(api, copro_id, building_id, "pending@example.org")
        member(api, admin, copro_id, "closed@example.org", "resident")
        api.command("POST", f"/accounts/{account_id(api, 'closed@example.org')}/deactivate", admin)
        emails = ["pending@example.org", "closed@example.org", ADMIN[0], "nobody@example.org"]
        answers = [log_in(api, email, "not the password") for email in emails]
        assert [a.status_code for a in answers] == [401] * 4
        assert [a.json() for a in answers] == [
            {"detail": "wrong email or password", "code": "not_authenticated"}
        ] * 4


class TestActivation:
    def test_a_closed_account_cannot_log_in_until_the_admin_reopens_it(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        copro_id, _ = a_condo_with_a_building(api, admin)
        manager = manager_of(api, admin, copro_id, "m@example.org")
        member(api, manager, copro_id, "r@example.org", "resident")
        resident_id = str(account_id(api, "r@example.org"))
        api.command("POST", f"/accounts/{resident_id}/deactivate", admin)
        assert not can_log_in(api, "r@example.org")
        refused = api.command("POST", f"/accounts/{resident_id}/activate", manager, None, 403)
        assert refused["code"] == "forbidden"
        api.command("POST", f"/accounts/{resident_id}/activate", admin)
        assert can_log_in(api, "r@example.org")

    def test_activating_an_active_account_is_a_conflict(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        copro_id, _ = a_condo_with_a_building(api, admin)
        manager = manager_of(api, admin, copro_id, "m@example.org")
        member(api, manager, copro_id, "r@example.org", "resident")
        answer = api.command(
            "POST", f"/accounts/{account_id(api, 'r@example.org')}/activate", manager, None, 409
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


class TestDeactivation:
    def test_a_manager_takes_a_member_out_of_their_condo_only(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        ours, _ = a_condo_with_a_building(api, admin)
        theirs, _ = a_condo_with_a_building(api, admin, "Le Parc")
        manager = manager_of(api, admin, ours, "m@example.org")
        resident = member(api, admin, theirs, "r@example.org", "resident")
        invited = api.command(
            "POST",
            f"/copros/{ours}/invitations",
            manager,
            {"email": "r@example.org", "role": "resident"},
            201,
        )
        api.command("POST", f"/invitations/{invited['id']}/accept", resident)
        resident_id = account_id(api, "r@example.org")

        gone = api.command("POST", f"/accounts/{resident_id}/deactivate", manager)
        account = condos_of(api).account(resident_id)
        assert account is not None
        assert (account.status, account.role_in(UUID(ours)), account.role_in(UUID(theirs))) == (
            "active",
            None,
            "resident",
        )
        assert can_log_in(api, "r@example.org")
        me = api.read("/auth/me", resident, after=gone["position"]).json()
        assert [r["copro_id"] for r in me["roles"]] == [theirs]
        again = api.command("POST", f"/accounts/{resident_id}/deactivate", manager, None, 404)
        assert again["code"] == "not_found"

    def test_a_manager_may_not_take_themselves_out(self, api: Api, admin: dict[str, str]) -> None:
        copro_id, _ = a_condo_with_a_building(api, admin)
        manager = manager_of(api, admin, copro_id, "m@example.org")
        own = account_id(api, "m@example.org")
        api.command("POST", f"/accounts/{own}/deactivate", manager, None, 403)


class TestMe:
    def test_me_says_who_the_account_is_and_its_status(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        copro_id, _ = a_condo_with_a_building(api, admin)
        resident = member(api, admin, copro_id, "R@Example.org", "resident")
        last = api.command("PATCH", f"/copros/{copro_id}", admin, {"city": "Lyon"})
        me = api.read("/auth/me", resident, after=last["position"])
        assert me.status_code == 200, me.text
        assert {k: v for k, v in me.json().items() if k != "roles"} == {
            "account_id": str(account_id(api, "r@example.org")),
            "email": "r@example.org",
            "first_name": "Inès",
            "last_name": "Moreau",
            "status": "active",
            "is_admin": False,
            "is_operator": False,
        }
        assert [(r["copro_id"], r["role"]) for r in me.json()["roles"]] == [(copro_id, "resident")]


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
    old_id = old_scheme_account_id("old@example.org")
    # Account.Opened as version 1 stored it: no `is_operator`, no class_version.
    v1_state = (
        b'{"timestamp":{"_type_":"datetime_iso","_data_":"2026-01-01T00:00:00+00:00"},'
        b'"originator_topic":"domain.account:Account","actor":"system","request_id":"r1",'
        b'"status":"active","is_admin":false}'
    )
    condos.recorder.insert_events(
        [StoredEvent(old_id, 1, "domain.account:Account.Opened", v1_state)]
    )
    account = condos.repository.get(old_id)
    assert isinstance(account, Account)
    assert (account.is_operator, account.is_admin, account.status) == (False, False, "active")
