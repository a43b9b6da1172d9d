"""Roles in a condo through the site, on SQLite and PostgreSQL: a role changes by its own
command, appointing a member again is refused, and a condo always keeps a manager — under
concurrent changes too, and in condos registered before their managers were kept on a roster."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from typing import Any
from uuid import UUID, uuid4

from domain.account import Account
from domain.base import Actor, acting_as
from domain.condo import Condo
from domain.email_claim import EmailClaim, email_claim_id
from domain.people import Person
from domain.roster import ManagerRoster, roster_id
from tests.integration.api import Api, account_id
from tests.integration.test_api_tickets import appoint
from tests.integration.test_invitations import condos_of
from tests.integration.test_read_members import Home


def role_path(api: Api, at: Home | UUID, email: str) -> str:
    copro_id = at.id if isinstance(at, Home) else at
    # An email without an account: an id no account has.
    account = condos_of(api).account_id_of(email) or uuid4()
    return f"/copros/{copro_id}/members/{account}/role"


def roster_of(api: Api, copro_id: UUID | str) -> ManagerRoster:
    roster: object = condos_of(api).repository.get(roster_id(UUID(str(copro_id))))
    assert isinstance(roster, ManagerRoster)
    return roster


def roles_in(
    api: Api, at: Home, after: dict[str, Any], who: dict[str, str] | None = None
) -> dict[str, str]:
    listed = api.read(f"/copros/{at.id}/members", who or at.manager, after=after["position"])
    assert listed.status_code == 200, listed.text
    return {m["email"]: m["role"] for m in listed.json()["items"]}


class TestAppointingAgain:
    def test_appointing_a_member_again_is_a_conflict_and_keeps_their_role(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        home = Home(api, admin, "Résidence Les Tilleuls", "tilleuls.fr")
        body = {"email": "manager@tilleuls.fr", "first_name": "C", "last_name": "M"}
        refused = api.command(
            "POST", f"/copros/{home.id}/members", admin, {**body, "role": "resident"}, 409
        )
        assert refused["code"] == "already_member"
        assert roles_in(api, home, home.building)["manager@tilleuls.fr"] == "manager"


class TestRoleChange:
    def test_a_manager_gives_a_member_another_role(self, api: Api, admin: dict[str, str]) -> None:
        home = Home(api, admin, "Résidence Les Tilleuls", "tilleuls.fr")
        path = role_path(api, home, "resident@tilleuls.fr")
        changed = api.command("PUT", path, home.manager, {"role": "manager"})
        assert roles_in(api, home, changed)["resident@tilleuls.fr"] == "manager"
        same = api.command("PUT", path, home.manager, {"role": "manager"})
        assert same["version"] == changed["version"]

    def test_the_last_manager_keeps_the_role(self, api: Api, admin: dict[str, str]) -> None:
        home = Home(api, admin, "Résidence Les Tilleuls", "tilleuls.fr")
        for who in [home.manager, admin]:
            refused = api.command(
                "PUT", role_path(api, home, "manager@tilleuls.fr"), who, {"role": "resident"}, 409
            )
            assert refused["code"] == "last_manager"

    def test_a_manager_taken_out_leaves_the_others_and_the_last_one_stays(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        home = Home(api, admin, "Résidence Les Tilleuls", "tilleuls.fr")
        deputy = appoint(api, home.manager, home.id, "deputy@tilleuls.fr", "manager")
        gone = api.command(
            "POST", f"/accounts/{account_id(api, 'manager@tilleuls.fr')}/deactivate", deputy
        )
        assert "manager@tilleuls.fr" not in roles_in(api, home, gone, deputy)
        refused = api.command(
            "PUT", role_path(api, home, "deputy@tilleuls.fr"), deputy, {"role": "auditor"}, 409
        )
        assert refused["code"] == "last_manager"

    def test_another_condos_member_is_not_found_as_an_unknown_one(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        home = Home(api, admin, "Résidence Les Tilleuls", "tilleuls.fr")
        Home(api, admin, "Le Parc", "parc.fr")
        body = {"role": "auditor"}
        foreign = api.command(
            "PUT", role_path(api, home, "resident@parc.fr"), home.manager, body, 404
        )
        unknown = api.command(
            "PUT", role_path(api, home, "nobody@parc.fr"), home.manager, body, 404
        )
        assert foreign == unknown

    def test_two_managers_demoting_each_other_at_once_do_not_both_succeed(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        home = Home(api, admin, "Résidence Les Tilleuls", "tilleuls.fr")
        deputy = appoint(api, home.manager, home.id, "deputy@tilleuls.fr", "manager")
        attempts = [
            (home.manager, role_path(api, home, "deputy@tilleuls.fr")),
            (deputy, role_path(api, home, "manager@tilleuls.fr")),
        ]
        for _ in range(5):
            demote = {"json": {"role": "resident"}}
            answers = at_once(
                *(partial(api.client.put, f"/api/v1{p}", headers=w, **demote) for w, p in attempts)
            )
            # The one demoted first is no manager when their own demotion is tried again.
            codes = sorted(a.status_code for a in answers)
            assert codes in ([200, 403], [200, 409]), [a.text for a in answers]
            assert len(roster_of(api, home.id).managers) == 1
            # The winner makes the one they demoted a manager again, for the next round.
            who, path = attempts[[a.status_code for a in answers].index(200)]
            api.command("PUT", path, who, {"role": "manager"})


class TestCondosRegisteredBeforeRosters:
    def test_a_condo_registered_before_rosters_keeps_its_last_manager(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        copro_id = a_condo_as_before_rosters(api, ["first@old.fr", "second@old.fr"])
        first = api.login("first@old.fr", "a long password")
        demoted = api.command(
            "PUT", role_path(api, copro_id, "second@old.fr"), first, {"role": "auditor"}
        )
        assert demoted["id"] == str(account_id(api, "second@old.fr"))
        refused = api.command(
            "PUT", role_path(api, copro_id, "first@old.fr"), first, {"role": "auditor"}, 409
        )
        assert refused["code"] == "last_manager"
        assert roster_of(api, copro_id).managers == [account_id(api, "first@old.fr")]


def at_once(*calls: Callable[[], Any]) -> list[Any]:
    """Each call's answer, the calls released together from threads of their own."""
    barrier = threading.Barrier(len(calls))
    answers: list[Any] = [None] * len(calls)

    def run(i: int) -> None:
        barrier.wait()
        answers[i] = calls[i]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return answers


def a_condo_as_before_rosters(api: Api, managers: list[str]) -> UUID:
    """A condo and its managers as they were stored before rosters: its registration says so
    (a version 1 `Registered` is upcast to it), and no roster was ever written."""
    from command_api.passwords import hash_password

    condos = condos_of(api)
    key = api.client.app.command_app.state.settings.email_claims_key  # type: ignore[attr-defined]
    password_hash = hash_password("a long password")
    with acting_as(Actor.system()):
        condo = Condo(
            name="Les Anciens",
            address="1 rue",
            postal_code="69001",
            city="Lyon",
            country="France",
            slug="les-anciens",
            public_status_page=True,
            managers_on_roster=False,
        )
        condos.save(condo)
        for email in managers:
            account = Account(id=uuid4(), status="active", is_admin=False)
            account.grant_role(
                copro_id=condo.id, role="manager", building_id=None, lot=None, floor=None
            )
            claim = EmailClaim(id=email_claim_id(key, email), holder_id=account.id)
            person = Person(account.id, email, "Old", "Manager", password_hash=password_hash)
            condos.save(account, claim, people=[person])
    return condo.id
