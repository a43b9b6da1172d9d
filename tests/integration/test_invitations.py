"""Invitations through the site, on SQLite and PostgreSQL: a person who has an account joins
another condo only by accepting, and until then nothing about them shows to that condo; an
email without an account is invited alike, and its owner finds the invitation once signed up."""

from __future__ import annotations

from typing import Any

import pytest

from domain.application import Condos
from tests.integration.api import Api, account_id
from tests.integration.helpers import CLAIM_STEPS, saved_meanwhile
from tests.integration.test_read_members import Home, members_of, sign_up

INES = "ines.vasseur@parc.fr"


@pytest.fixture
def homes(api: Api, admin: dict[str, str]) -> tuple[Home, Home]:
    """Les Tilleuls, and Le Parc where Inès Vasseur lives."""
    tilleuls = Home(api, admin, "Résidence Les Tilleuls", "tilleuls.fr")
    return tilleuls, Home(api, admin, "Le Parc", "parc.fr")


@pytest.fixture
def tilleuls(homes: tuple[Home, Home]) -> Home:
    return homes[0]


@pytest.fixture
def ines(api: Api, homes: tuple[Home, Home]) -> dict[str, str]:
    """Inès Vasseur, resident of Le Parc, signed in."""
    body = {"email": INES, "first_name": "Inès", "last_name": "Vasseur", "role": "resident"}
    body["password"] = "her own password"
    api.command("POST", f"/copros/{homes[1].id}/members", homes[1].manager, body, 201)
    return api.login(INES, "her own password")


def invite(api: Api, at: Home, email: str, role: str = "resident", expect: int = 201) -> Any:
    return api.command(
        "POST", f"/copros/{at.id}/invitations", at.manager, {"email": email, "role": role}, expect
    )


def invitations_of(api: Api, who: dict[str, str], after: dict[str, Any]) -> list[dict[str, Any]]:
    answer = api.read("/me/invitations", who, after=after["position"])
    assert answer.status_code == 200, answer.text
    return answer.json()["items"]  # type: ignore[no-any-return]


def condos_of(api: Api) -> Condos:
    return api.client.app.condos  # type: ignore[attr-defined,no-any-return]


class TestTakeover:
    def test_appointing_someone_who_has_an_account_invites_them_and_shows_nothing_of_them(
        self, api: Api, tilleuls: Home, ines: dict[str, str]
    ) -> None:
        before = condos_of(api).person(account_id(api, INES))
        appointed = api.command(
            "POST",
            f"/copros/{tilleuls.id}/members",
            tilleuls.manager,
            {
                "email": INES,
                "first_name": "Fausse",
                "last_name": "Identité",
                "role": "manager",
                "password": "the manager's password",
            },
            201,
        )
        assert appointed["id"] != str(account_id(api, INES))  # an invitation's id

        listed = members_of(api, tilleuls, appointed)
        assert INES not in str(listed) and "Vasseur" not in str(listed)
        assert listed["total"] == 2  # its manager and resident only
        assert condos_of(api).person(account_id(api, INES)) == before
        api.login(INES, "her own password")
        assert (
            api.client.post(
                "/api/v1/auth/login", data={"username": INES, "password": "the manager's password"}
            ).status_code
            == 401
        )

        # Nor can the manager reach her account: it is no member of theirs.
        path = f"/accounts/{account_id(api, INES)}/deactivate"
        assert api.command("POST", path, tilleuls.manager, None, 404)["code"] == "not_found"
        api.login(INES, "her own password")

    def test_an_appointment_of_someone_with_an_account_answers_as_an_invitation_does(
        self, api: Api, tilleuls: Home, ines: dict[str, str]
    ) -> None:
        body = {"first_name": "F", "last_name": "I", "role": "resident"}
        path = f"/copros/{tilleuls.id}/members"
        appointed = api.client.post(
            f"/api/v1{path}", json={**body, "email": INES}, headers=tilleuls.manager
        )
        invited = api.client.post(
            f"/api/v1/copros/{tilleuls.id}/invitations",
            json={"email": "someone.else@parc.fr", "role": "resident"},
            headers=tilleuls.manager,
        )
        assert appointed.status_code == invited.status_code == 201
        assert appointed.json().keys() == invited.json().keys() == {"id", "version", "position"}
        assert appointed.json()["version"] == invited.json()["version"] == 1

    @pytest.mark.parametrize("step", CLAIM_STEPS)
    def test_an_email_that_opens_an_account_during_an_appointment_is_invited_instead(
        self, api: Api, homes: tuple[Home, Home], monkeypatch: pytest.MonkeyPatch, step: str
    ) -> None:
        """Le Parc opens Inès's account after Les Tilleuls' appointment found her email free,
        or after it claimed it: the appointment runs again, as an invitation."""
        tilleuls, parc = homes
        condos = condos_of(api)
        hers = {"email": INES, "first_name": "Inès", "last_name": "Vasseur"}
        hers |= {"role": "resident", "password": "her own password"}
        opened = saved_meanwhile(
            monkeypatch,
            condos,
            step,
            lambda: api.command("POST", f"/copros/{parc.id}/members", parc.manager, hers, 201),
        )
        body = {"email": INES, "first_name": "Fausse", "last_name": "Identité"}
        body |= {"role": "manager", "password": "the manager's password"}
        appointed = api.command(
            "POST", f"/copros/{tilleuls.id}/members", tilleuls.manager, body, 201
        )
        assert appointed["id"] not in (opened[0]["id"], str(account_id(api, INES)))
        ines = api.login(INES, "her own password")
        assert [i["role"] for i in invitations_of(api, ines, appointed)] == ["manager"]
        assert condos.person(account_id(api, INES)).first_name == "Inès"  # type: ignore[union-attr]


class TestAnswering:
    def test_an_invited_account_joins_only_when_it_accepts(
        self, api: Api, tilleuls: Home, ines: dict[str, str]
    ) -> None:
        invited = invite(api, tilleuls, INES, "auditor")
        pending = invitations_of(api, ines, invited)
        assert [(i["id"], i["copro_name"], i["role"]) for i in pending] == [
            (invited["id"], "Résidence Les Tilleuls", "auditor")
        ]
        assert INES not in str(members_of(api, tilleuls, invited))

        accepted = api.command("POST", f"/invitations/{invited['id']}/accept", ines)
        listed = members_of(api, tilleuls, accepted)["items"][0]
        assert (listed["email"], listed["last_name"], listed["role"]) == (
            INES,
            "Vasseur",
            "auditor",
        )
        assert invitations_of(api, ines, accepted) == []
        me = api.read("/auth/me", ines, after=accepted["position"]).json()
        assert {r["copro_name"]: r["role"] for r in me["roles"]} == {
            "Le Parc": "resident",
            "Résidence Les Tilleuls": "auditor",
        }

    def test_a_declined_invitation_joins_nothing_and_is_listed_no_more(
        self, api: Api, tilleuls: Home, ines: dict[str, str]
    ) -> None:
        invited = invite(api, tilleuls, INES)
        declined = api.command("POST", f"/invitations/{invited['id']}/decline", ines)
        assert invitations_of(api, ines, declined) == []
        assert INES not in str(members_of(api, tilleuls, declined))
        again = api.command("POST", f"/invitations/{invited['id']}/accept", ines, None, 409)
        assert again["code"] == "invitation_closed"

    def test_a_manager_may_withdraw_an_invitation_not_answered_yet(
        self, api: Api, tilleuls: Home, ines: dict[str, str]
    ) -> None:
        invited = invite(api, tilleuls, INES)
        cancelled = api.command("POST", f"/invitations/{invited['id']}/cancel", tilleuls.manager)
        assert invitations_of(api, ines, cancelled) == []
        refused = api.command("POST", f"/invitations/{invited['id']}/accept", ines, None, 409)
        assert refused["code"] == "invitation_closed"

    def test_an_invitation_is_its_invitees_alone_to_answer(
        self, api: Api, homes: tuple[Home, Home], ines: dict[str, str]
    ) -> None:
        tilleuls, le_parc = homes
        invited = invite(api, tilleuls, INES)
        unknown = "00000000-0000-4000-8000-000000000000"
        for who in [le_parc.resident, tilleuls.resident, tilleuls.manager]:
            for answer in ["accept", "decline"]:
                refused = api.client.post(
                    f"/api/v1/invitations/{invited['id']}/{answer}", headers=who
                )
                missing = api.client.post(f"/api/v1/invitations/{unknown}/{answer}", headers=who)
                assert refused.status_code == missing.status_code == 404
                assert refused.json() == missing.json()
        withdrawn = api.client.post(
            f"/api/v1/invitations/{invited['id']}/cancel", headers=le_parc.manager
        )
        missing = api.client.post(f"/api/v1/invitations/{unknown}/cancel", headers=le_parc.manager)
        assert withdrawn.status_code == missing.status_code == 404
        assert withdrawn.json() == missing.json()
        assert invitations_of(api, ines, invited)[0]["id"] == invited["id"]


class TestListing:
    def test_a_manager_lists_the_condos_invitations_awaiting_an_answer_without_their_email(
        self, api: Api, homes: tuple[Home, Home], ines: dict[str, str]
    ) -> None:
        tilleuls, le_parc = homes
        invited = invite(api, tilleuls, INES, "manager")
        other = invite(api, tilleuls, "nobody@parc.fr")
        listed = api.read(f"/copros/{tilleuls.id}/invitations", tilleuls.manager, other["position"])
        assert listed.status_code == 200, listed.text
        answer = listed.json()
        assert answer["total"] == 2
        assert {i["id"]: i["role"] for i in answer["items"]} == {
            invited["id"]: "manager",
            other["id"]: "resident",
        }
        assert INES not in listed.text and "nobody@parc.fr" not in listed.text
        cancelled = api.command("POST", f"/invitations/{invited['id']}/cancel", tilleuls.manager)
        after = api.read(
            f"/copros/{tilleuls.id}/invitations", tilleuls.manager, cancelled["position"]
        )
        assert [i["id"] for i in after.json()["items"]] == [other["id"]]

    def test_only_the_condos_managers_list_its_invitations(
        self, api: Api, homes: tuple[Home, Home]
    ) -> None:
        tilleuls, le_parc = homes
        invite(api, tilleuls, INES)
        path = f"/api/v1/copros/{tilleuls.id}/invitations"
        assert api.client.get(path, headers=tilleuls.resident).status_code == 403
        assert api.client.get(path, headers=le_parc.manager).status_code == 404


class TestSending:
    def test_an_email_without_an_account_is_invited_alike_and_no_account_opens(
        self, api: Api, tilleuls: Home, ines: dict[str, str]
    ) -> None:
        known = invite(api, tilleuls, INES)
        unknown = invite(api, tilleuls, "nobody@parc.fr")
        assert known.keys() == unknown.keys() == {"id", "version", "position"}
        assert known["version"] == unknown["version"]
        assert condos_of(api).account_id_of("nobody@parc.fr") is None
        assert condos_of(api).people_of("nobody@parc.fr") == []

    def test_an_email_invited_before_it_had_an_account_finds_the_invitation_once_signed_up(
        self, api: Api, homes: tuple[Home, Home]
    ) -> None:
        tilleuls, le_parc = homes
        invited = invite(api, tilleuls, "zoe@parc.fr", "resident")
        signed_up = sign_up(api, le_parc, "zoe@parc.fr")
        api.command("POST", f"/accounts/{signed_up['id']}/activate", le_parc.manager)
        zoe = api.login("zoe@parc.fr", "a long password")
        assert [i["id"] for i in invitations_of(api, zoe, invited)] == [invited["id"]]
        accepted = api.command("POST", f"/invitations/{invited['id']}/accept", zoe)
        assert "zoe@parc.fr" in str(members_of(api, tilleuls, accepted))

    def test_inviting_a_member_of_the_condo_is_a_conflict(self, api: Api, tilleuls: Home) -> None:
        refused = invite(api, tilleuls, "resident@tilleuls.fr", "manager", 409)
        assert refused["code"] == "already_member"

    def test_an_invitation_is_sent_once_until_it_is_answered_then_may_be_sent_again(
        self, api: Api, tilleuls: Home, ines: dict[str, str]
    ) -> None:
        first = invite(api, tilleuls, INES)
        assert invite(api, tilleuls, INES, "manager", 409)["code"] == "already_invited"
        api.command("POST", f"/invitations/{first['id']}/decline", ines)
        again = invite(api, tilleuls, INES, "manager")
        assert again["id"] == first["id"]
        assert [i["role"] for i in invitations_of(api, ines, again)] == ["manager"]

    def test_invitation_events_carry_no_email(
        self, api: Api, tilleuls: Home, ines: dict[str, str]
    ) -> None:
        invite(api, tilleuls, INES)
        invite(api, tilleuls, "nobody@parc.fr")
        condos = condos_of(api)
        states = b"".join(
            n.state for n in condos.recorder.select_notifications(start=1, limit=10_000)
        )
        assert b"parc.fr" not in states
