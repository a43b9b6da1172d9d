"""The rights of erasure and access through the site, on SQLite and PostgreSQL: after a person's
erasure nothing in the database nor in any export tells who they were, nor holds a value
computable from their email without the platform's key; their account can never sign in again,
their email may open a new one, and the log still replays and verifies. Their export lists
what the store holds on them."""

from __future__ import annotations

import hashlib
import json
import subprocess
from dataclasses import dataclass
from typing import Any
from uuid import NAMESPACE_URL, uuid5

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from copro.bootstrap import read_engine
from copro.cli import app as cli
from copro.settings import Settings
from domain.account import ACCOUNTS_NAMESPACE
from domain.email_claim import email_claim_id, keyed_uuid
from domain.name_claim import CLAIMS_NAMESPACE
from projections.registry import PROJECTIONS
from tests.conftest import SECRET
from tests.integration.api import ADMIN, Api, account_id, condo
from tests.integration.helpers import eventually, rows_of
from tests.integration.test_api_tickets import Condo, appoint, condo_with_equipment, report
from tests.integration.test_ops_api import OPS

EMAIL = "Ysolde.Kervella@Exemple.fr"
NORMALISED = "ysolde.kervella@exemple.fr"
FIRST, LAST = "Ysolde", "Kervella-Abgrall"
PHONE = "06 71 82 93 04"
PASSWORD = "her very own password"


def traces_of_the_person() -> list[str]:
    """Her email, names and phone, and what anyone could compute from her email alone."""
    raw = NORMALISED.encode()
    derived = [
        uuid5(ACCOUNTS_NAMESPACE, NORMALISED),  # her id under the old scheme
        uuid5(CLAIMS_NAMESPACE, f"platform/email/{NORMALISED}"),  # a name claim of it
        uuid5(NAMESPACE_URL, NORMALISED),
        email_claim_id(b"", EMAIL),  # her claim without the key
        keyed_uuid(hashlib.sha256(b"copro/email-claim/" + raw).digest()),
        keyed_uuid(hashlib.sha256(raw).digest()),
    ]
    digests = [hashlib.new(name, raw).hexdigest() for name in ("md5", "sha1", "sha256")]
    return [
        NORMALISED,
        EMAIL,
        FIRST,
        LAST,
        "+33671829304",
        "0671829304",
        PHONE,
        *digests,
        *(str(u) for u in derived),
        *(u.hex for u in derived),
    ]


def found_in(dump: str) -> list[str]:
    return [t for t in traces_of_the_person() if t.casefold() in dump.casefold()]


@dataclass(frozen=True)
class Ysolde:
    """Ysolde reported a broken lift anonymously, then was given an account in the condo,
    reported again as a resident and was invited to another condo."""

    home: Condo
    auditor: dict[str, str]
    other: str
    account: str
    signed_in: dict[str, str]
    tickets: set[str]
    invitation: str
    position: int


@pytest.fixture
def ysolde(api: Api, admin: dict[str, str]) -> Ysolde:
    home = condo_with_equipment(api, admin, "Résidence Les Tilleuls", "tilleuls.fr")
    auditor = appoint(api, home.manager, home.id, "auditor@tilleuls.fr", "auditor")
    contact = {"name": f"{FIRST} {LAST}", "email": EMAIL, "phone": PHONE}
    anonymous = report(api, {}, home, reporter=contact)["id"]
    body = {"email": EMAIL, "first_name": FIRST, "last_name": LAST, "role": "resident"}
    opened = api.command(
        "POST", f"/copros/{home.id}/members", home.manager, {**body, "password": PASSWORD}, 201
    )
    signed_in = api.login(EMAIL, PASSWORD)
    resident = report(api, signed_in, home, title="Lumière du hall")["id"]
    api.command(
        "POST",
        f"/copros/{home.id}/expenses",
        home.manager,
        {
            "date": "2026-03-02",
            "amount_cents": 18_000,
            "category": "lift",
            "supplier": "Otis",
            "description": "Dépannage",
        },
        201,
    )
    other = condo(api, admin, "Le Parc")["id"]
    invited = api.command(
        "POST", f"/copros/{other}/invitations", admin, {"email": EMAIL, "role": "resident"}, 201
    )
    return Ysolde(
        home,
        auditor,
        other,
        opened["id"],
        signed_in,
        {anonymous, resident},
        invited["id"],
        invited["position"],
    )


def erase(api: Api, who: dict[str, str], email: str = EMAIL, expect: int = 200) -> Any:
    return api.command("POST", "/people/erase", who, {"email": email}, expect)


def export(api: Api, who: dict[str, str], email: str = EMAIL, after: int = 0) -> Any:
    return api.client.get(
        "/api/v1/people/export",
        params={"email": email},
        headers={**who, "X-Copro-After": str(after)},
    )


def database_dump(settings: Settings) -> str:
    """The whole database as SQL: pg_dump of PostgreSQL; SQLite's two files, dumped alike."""
    if settings.database_url:
        dumped = subprocess.run(
            ["pg_dump", "--no-owner", settings.database_url],
            check=True,
            capture_output=True,
            text=True,
        )
        return dumped.stdout
    lines: list[str] = []
    for name in ("events.sqlite", "read.sqlite"):
        engine = create_engine(f"sqlite:///{settings.data_dir / name}")
        with engine.connect() as conn:
            lines.extend(conn.connection.driver_connection.iterdump())  # type: ignore[union-attr]
        engine.dispose()
    return "\n".join(lines)


def exports(api: Api, ysolde: Ysolde, settings: Settings, after: int) -> dict[str, str]:
    """Every export of the platform, as text."""
    home, admin = ysolde.home.id, api.login(*ADMIN)
    answers = {
        "audit": api.read(f"/copros/{home}/audit/export.jsonl", ysolde.auditor, after),
        "other audit": api.read(f"/copros/{ysolde.other}/audit/export.jsonl", admin, after),
        "ledger": api.read(f"/copros/{home}/expenses.csv", ysolde.home.manager, after),
        "people export": export(api, admin, after=after),
    }
    for name, answer in answers.items():
        assert answer.status_code == 200, (name, answer.text)
    found = {name: answer.text for name, answer in answers.items()}
    found["copro people export"] = cli_export(settings)
    return found


def cli_export(settings: Settings, email: str = EMAIL) -> str:
    answer = CliRunner().invoke(cli, ["people", "export", "--email", email], env=env_of(settings))
    assert answer.exit_code == 0, answer.output
    return answer.stdout


def env_of(settings: Settings) -> dict[str, str]:
    env = {"COPRO_ENV": "production", "COPRO_SECRET_KEY": SECRET}
    env["COPRO_DATA_DIR"] = str(settings.data_dir)
    if settings.database_url:
        env["COPRO_DATABASE_URL"] = settings.database_url
    return env


class TestErasure:
    def test_leaves_no_trace_of_the_person_in_the_database_nor_in_any_export(
        self, api: Api, admin: dict[str, str], ysolde: Ysolde, settings: Settings
    ) -> None:
        before = exports(api, ysolde, settings, ysolde.position)
        assert NORMALISED in database_dump(settings) and NORMALISED in before["people export"]

        erased = erase(api, admin)
        assert erased == {
            "account_id": ysolde.account,
            "people_erased": 2,
            "old_scheme_id": False,
            "position": erased["position"],
        }
        assert found_in(database_dump(settings)) == []
        after = exports(api, ysolde, settings, erased["position"])
        assert {name: found_in(text) for name, text in after.items()} == dict.fromkeys(after, [])
        # The others' data stays: the check above could have found them.
        assert "manager@tilleuls.fr" in database_dump(settings)

    def test_pages_then_say_erased_and_the_history_stays_whole(
        self, api: Api, admin: dict[str, str], ysolde: Ysolde, settings: Settings
    ) -> None:
        erased = erase(api, admin)
        manager, after = ysolde.home.manager, erased["position"]
        listed = api.read(f"/copros/{ysolde.home.id}/members", manager, after).json()["items"]
        hers = next(m for m in listed if m["account_id"] == ysolde.account)
        assert (hers["first_name"], hers["last_name"], hers["email"], hers["status"]) == (
            None,
            None,
            None,
            "deactivated",
        )
        for ticket in ysolde.tickets:
            reporter = api.read(f"/tickets/{ticket}", manager, after).json()["reporter"]
            assert (reporter["name"], reporter["email"], reporter["phone"]) == (None, None, None)
        history = api.read(f"/audit/aggregates/{ysolde.account}/history", admin, after).json()
        assert [e["event_type"] for e in history["items"]][-2:] == ["Deactivated", "Erased"]
        assert verified(settings) == 0

    def test_the_person_can_never_sign_in_again_and_their_token_is_refused_on_both_apis(
        self, api: Api, admin: dict[str, str], ysolde: Ysolde
    ) -> None:
        erased = erase(api, admin)
        token = ysolde.signed_in
        assert api.read("/auth/me", token, erased["position"]).status_code == 401
        report_again = {"type": "request", "title": "Clés", "description": "Un badge perdu ?"}
        answer = api.client.post(
            f"/api/v1/copros/{ysolde.home.id}/tickets", json=report_again, headers=token
        )
        assert answer.status_code == 401
        refused = api.client.post(
            "/api/v1/auth/login", data={"username": EMAIL, "password": PASSWORD}
        )
        assert refused.status_code == 401
        assert refused.json() == {"detail": "wrong email or password", "code": "not_authenticated"}
        reopened = api.command("POST", f"/accounts/{ysolde.account}/activate", admin, None, 409)
        assert reopened["code"] == "account_erased"

    def test_the_same_email_opens_a_new_account_which_finds_the_email_s_invitation(
        self, api: Api, admin: dict[str, str], ysolde: Ysolde
    ) -> None:
        erase(api, admin)
        body = {"email": EMAIL, "first_name": "Y", "last_name": "K", "role": "resident"}
        again = api.command(
            "POST",
            f"/copros/{ysolde.home.id}/members",
            ysolde.home.manager,
            {**body, "password": "a new password"},
            201,
        )
        assert again["id"] != ysolde.account and again["id"] == str(account_id(api, EMAIL))
        newcomer = api.login(EMAIL, "a new password")
        me = api.read("/auth/me", newcomer, again["position"]).json()
        assert (me["account_id"], me["first_name"]) == (again["id"], "Y")
        # The invitation was sent to the email, not to the account erased since.
        waiting = api.read("/me/invitations", newcomer, again["position"]).json()["items"]
        assert [i["id"] for i in waiting] == [ysolde.invitation]

    def test_every_read_model_rebuilt_from_the_log_equals_the_live_one_and_all_replays(
        self, api: Api, admin: dict[str, str], ysolde: Ysolde, settings: Settings
    ) -> None:
        erased = erase(api, admin)
        engine = read_engine(settings)

        def caught_up() -> bool:
            return all(
                p["position"] >= erased["position"] and p["state"] == "running"
                for p in api.client.get(OPS, headers=admin).json()["items"]
            )

        eventually(caught_up, 60)
        live = {p.name: rows_of(engine, p) for p in PROJECTIONS}
        for projection in PROJECTIONS:
            started = api.client.post(f"{OPS}/{projection.name}/rebuild", headers=admin)
            assert started.status_code == 202, started.text

        def swapped() -> bool:
            items = api.client.get(OPS, headers=admin).json()["items"]
            return all(p["rebuild"] is None for p in items)

        eventually(lambda: swapped() and caught_up(), 60)
        assert {p.name: rows_of(engine, p) for p in PROJECTIONS} == live
        engine.dispose()
        # Every aggregate the log holds is read again from its events, the erased account's too.
        condos = api.client.app.condos  # type: ignore[attr-defined]
        streams = {n.originator_id for n in condos.recorder.select_notifications(1, 100_000)}
        assert all(condos.repository.get(stream).version > 0 for stream in streams)
        assert verified(settings) == 0

    def test_the_same_email_signs_up_again_as_a_new_pending_resident(
        self, api: Api, admin: dict[str, str], ysolde: Ysolde
    ) -> None:
        erased = erase(api, admin)
        buildings = api.read(
            f"/copros/{ysolde.home.id}/buildings", ysolde.home.manager, erased["position"]
        ).json()
        signed_up = api.command(
            "POST",
            "/auth/register",
            None,
            {
                "email": EMAIL,
                "password": "a new password",
                "first_name": "Ysolde",
                "last_name": "K",
                "copro_id": ysolde.home.id,
                "building_id": buildings["items"][0]["id"],
            },
            201,
        )
        assert signed_up["id"] == str(account_id(api, EMAIL)) != ysolde.account
        early = api.client.post(
            "/api/v1/auth/login", data={"username": EMAIL, "password": "a new password"}
        )
        assert (early.status_code, early.json()["code"]) == (403, "account_pending")
        api.command("POST", f"/accounts/{signed_up['id']}/activate", ysolde.home.manager)
        assert api.login(EMAIL, "a new password")

    def test_an_email_without_anything_held_is_erased_alike(
        self, api: Api, admin: dict[str, str], ysolde: Ysolde
    ) -> None:
        erase(api, admin)
        for email in [EMAIL, "nobody@exemple.fr"]:
            again = erase(api, admin, email)
            assert {k: v for k, v in again.items() if k != "position"} == {
                "account_id": None,
                "people_erased": 0,
                "old_scheme_id": False,
            }

    def test_an_admin_does_not_erase_themselves(self, api: Api, admin: dict[str, str]) -> None:
        assert erase(api, admin, ADMIN[0], 403)["code"] == "forbidden"
        api.login(*ADMIN)


class TestExport:
    def test_lists_exactly_what_the_store_holds_on_the_person(
        self, api: Api, admin: dict[str, str], ysolde: Ysolde, settings: Settings
    ) -> None:
        answer = export(api, admin, EMAIL.upper(), ysolde.position)
        assert answer.status_code == 200, answer.text
        held = answer.json()
        assert {p["email"] for p in held["people"]} == {NORMALISED}
        assert sorted(held["people"], key=lambda p: p["id"]) == people_rows(settings)
        assert [p["kind"] for p in held["people"] if p["id"] == ysolde.account] == ["account"]
        assert held["account"]["id"] == ysolde.account
        roles = [(r["copro_id"], r["role"], r["copro_name"]) for r in held["account"]["roles"]]
        assert roles == [(ysolde.home.id, "resident", "Résidence Les Tilleuls")]
        invitations = [(i["id"], i["status"]) for i in held["account"]["invitations"]]
        assert invitations == [(ysolde.invitation, "pending")]
        assert {t["id"] for t in held["tickets"]} == ysolde.tickets
        assert all(t["timeline"] and "comments" not in t for t in held["tickets"])
        assert held == json.loads(cli_export(settings, EMAIL))

    def test_an_unknown_email_holds_nothing(self, api: Api, admin: dict[str, str]) -> None:
        answer = export(api, admin, "nobody@exemple.fr")
        assert answer.status_code == 200, answer.text
        assert answer.json() == {
            "people": [],
            "account": None,
            "tickets": [],
        }


class TestWhoMay:
    def test_only_a_platform_admin_may_erase_or_export_and_others_learn_nothing_of_anyone(
        self, api: Api, ysolde: Ysolde
    ) -> None:
        callers = [({}, 401), (ysolde.home.resident, 403), (ysolde.home.manager, 403)]
        callers.append((ysolde.auditor, 403))
        for who, status in callers:
            erasures = [erase(api, who, email, status) for email in (EMAIL, "nobody@exemple.fr")]
            exported = [export(api, who, email) for email in (EMAIL, "nobody@exemple.fr")]
            assert erasures[0] == erasures[1]
            assert [e.status_code for e in exported] == [status, status]
            assert exported[0].json() == exported[1].json()
        api.login(EMAIL, PASSWORD)  # nothing was erased


def people_rows(settings: Settings) -> list[dict[str, Any]]:
    """Her rows of the people store, read straight from it."""
    url = settings.read_store_url() if settings.database_url else None
    engine = create_engine(url or f"sqlite:///{settings.data_dir / 'events.sqlite'}")
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT id, email, first_name, last_name, phone, email_claim, "
                "password_hash IS NOT NULL AS held FROM people WHERE email = :email"
            ),
            {"email": NORMALISED},
        ).mappings()
        found = [
            {
                "id": str(r["id"]),
                "kind": "account" if r["email_claim"] else "reporter",
                "email": r["email"],
                "first_name": r["first_name"],
                "last_name": r["last_name"],
                "phone": r["phone"],
                "email_claim": str(r["email_claim"]) if r["email_claim"] else None,
                "password_hash_held": bool(r["held"]),
            }
            for r in rows
        ]
    engine.dispose()
    return sorted(found, key=lambda p: p["id"])


def verified(settings: Settings) -> int:
    """`copro audit verify`'s exit status: 0 when every chain holds."""
    from copro.audit.commands import verify

    return verify(settings, None, None, None, lambda line: None)
