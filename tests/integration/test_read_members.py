"""The members read model through the site, on SQLite and PostgreSQL: a condo's managers list
its accounts with their status, role and home, the names and emails read from the people store
and never copied into a read table; and a rebuild giving back the same rows."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine

from domain.application import Condos
from domain.base import Actor
from projections import members
from projections.engine import Projector
from tests.integration.api import Api, condo
from tests.integration.helpers import admin_actor, rows_of
from tests.integration.test_api_tickets import appoint


class Home:
    def __init__(self, api: Api, admin: dict[str, str], name: str, people: str) -> None:
        self.id = condo(api, admin, name)["id"]
        self.manager = appoint(api, admin, self.id, f"manager@{people}", "manager")
        self.resident = appoint(api, self.manager, self.id, f"resident@{people}", "resident")
        self.building = api.command(
            "POST", f"/copros/{self.id}/buildings", self.manager, {"name": "A"}, 201
        )


@pytest.fixture
def tilleuls(api: Api, admin: dict[str, str]) -> Home:
    return Home(api, admin, "Résidence Les Tilleuls", "tilleuls.fr")


@pytest.fixture
def le_parc(api: Api, admin: dict[str, str]) -> Home:
    return Home(api, admin, "Le Parc", "parc.fr")


def sign_up(api: Api, at: Home, email: str) -> dict[str, Any]:
    answer = api.client.post(
        "/api/v1/auth/register",
        json={
            "email": email,
            "password": "a long password",
            "first_name": "Zoé",
            "last_name": "Lambert",
            "copro_id": at.id,
            "building_id": at.building["id"],
            "lot": "12",
            "floor": "3",
        },
    )
    assert answer.status_code == 201, answer.text
    return answer.json()  # type: ignore[no-any-return]


def members_of(api: Api, at: Home, after: dict[str, Any], query: str = "") -> dict[str, Any]:
    answer = api.read(f"/copros/{at.id}/members{query}", at.manager, after=after["position"])
    assert answer.status_code == 200, answer.text
    return answer.json()  # type: ignore[no-any-return]


class TestMembers:
    def test_a_sign_up_is_listed_pending_then_active_then_gone_once_taken_out(
        self, api: Api, tilleuls: Home
    ) -> None:
        signed_up = sign_up(api, tilleuls, "Zoe.Lambert@Exemple.fr")
        pending = members_of(api, tilleuls, signed_up)["items"][0]
        assert {k: v for k, v in pending.items() if k != "granted_at"} == {
            "account_id": signed_up["id"],
            "role": "resident",
            "status": "pending",
            "building_id": tilleuls.building["id"],
            "lot": "12",
            "floor": "3",
            "first_name": "Zoé",
            "last_name": "Lambert",
            "email": "zoe.lambert@exemple.fr",
        }

        activated = api.command("POST", f"/accounts/{signed_up['id']}/activate", tilleuls.manager)
        assert members_of(api, tilleuls, activated)["items"][0]["status"] == "active"
        gone = api.command("POST", f"/accounts/{signed_up['id']}/deactivate", tilleuls.manager)
        assert signed_up["id"] not in str(members_of(api, tilleuls, gone))

    def test_a_role_change_is_listed_with_the_home_kept(self, api: Api, tilleuls: Home) -> None:
        signed_up = sign_up(api, tilleuls, "zoe@exemple.fr")
        path = f"/copros/{tilleuls.id}/members/{signed_up['id']}/role"
        changed = api.command("PUT", path, tilleuls.manager, {"role": "auditor"})
        listed = members_of(api, tilleuls, changed)["items"][0]
        assert (listed["email"], listed["role"], listed["lot"]) == (
            "zoe@exemple.fr",
            "auditor",
            "12",
        )

    def test_every_role_holder_of_the_condo_is_listed_latest_first_and_paged(
        self, api: Api, tilleuls: Home, le_parc: Home
    ) -> None:
        last = sign_up(api, tilleuls, "zoe@exemple.fr")
        listed = members_of(api, tilleuls, last)
        assert [(m["email"], m["role"], m["status"]) for m in listed["items"]] == [
            ("zoe@exemple.fr", "resident", "pending"),
            ("resident@tilleuls.fr", "resident", "active"),
            ("manager@tilleuls.fr", "manager", "active"),
        ]
        assert listed["total"] == 3
        page = members_of(api, tilleuls, last, "?limit=1&offset=1")
        assert ([m["email"] for m in page["items"]], page["total"]) == (
            ["resident@tilleuls.fr"],
            3,
        )
        bad = api.read(f"/copros/{tilleuls.id}/members?limit=0&offset=-1", tilleuls.manager)
        assert bad.status_code == 422
        assert {e["field"] for e in bad.json()["detail"]} == {"limit", "offset"}

    def test_only_the_condos_managers_list_its_members(
        self, api: Api, tilleuls: Home, le_parc: Home
    ) -> None:
        path = f"/copros/{tilleuls.id}/members"
        last = tilleuls.building
        for who, status in [({}, 401), (tilleuls.resident, 403), (le_parc.manager, 404)]:
            answer = api.read(path, who, after=last["position"])
            assert answer.status_code == status, (who, answer.text)
            assert "tilleuls.fr" not in answer.text

    def test_names_and_emails_are_in_no_members_table(self, api: Api, tilleuls: Home) -> None:
        last = sign_up(api, tilleuls, "zoe@exemple.fr")
        assert members_of(api, tilleuls, last)["items"][0]["first_name"] == "Zoé"
        engine: Engine = api.client.app.query_app.state.engine  # type: ignore[attr-defined]
        stored = str(rows_of(engine, members.projection)).casefold()
        assert "pending" in stored  # the scan does see the sign-up
        for secret in ["zoé", "lambert", "exemple.fr", "tilleuls.fr", "moreau"]:
            assert secret not in stored


class TestRebuild:
    def test_a_reset_gives_back_the_same_rows(self, condos: Condos, engine: Engine) -> None:
        admin = admin_actor(condos)
        copro = condos.register_copro(
            admin, name="Les Tilleuls", address="12 rue", postal_code="69003", city="Lyon"
        ).id
        building = condos.add_building(admin, copro, name="A").id
        manager = condos.appoint_member(
            admin, copro, email="m@t.fr", first_name="C", last_name="M", role="manager"
        ).id
        by = Actor(str(manager))
        pending = condos.sign_up(
            Actor.anonymous(),
            copro,
            email="z@t.fr",
            password_hash="x",
            first_name="Z",
            last_name="L",
            building_id=building,
            lot="12",
        ).id
        gone = condos.appoint_member(
            by, copro, email="r@t.fr", first_name="I", last_name="M", role="resident"
        ).id
        condos.deactivate_account(by, gone)
        condos.activate_account(by, pending)
        condos.change_role(by, copro, pending, "auditor")
        invited = condos.invite_member(by, copro, email="r@t.fr", role="resident").id
        condos.accept_invitation(Actor(str(gone)), invited)
        condos.invite_member(by, copro, email="nobody@t.fr", role="manager")

        projector = Projector(members.projection, condos, engine)
        projector.setup()
        projector.catch_up()
        before = rows_of(engine, members.projection)
        assert len(before["member_roles"]) == 3 and len(before["member_accounts"]) == 4
        assert len(before["member_invitations"]) == 2

        projector.reset()
        projector.catch_up()
        assert rows_of(engine, members.projection) == before
