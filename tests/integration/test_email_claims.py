"""Accounts opened before email claims, on SQLite and PostgreSQL: when the store opens they are
given their email's claim (once, whichever of several processes opens it first), so they keep
signing in by their email and their email stays theirs."""

from __future__ import annotations

import sqlite3
import threading
from uuid import UUID

import psycopg
from eventsourcing.utils import get_topic
from fastapi.testclient import TestClient
from pydantic import SecretStr
from typer.testing import CliRunner

from command_api.passwords import hash_password
from copro.bootstrap import create_site, open_condos
from copro.cli import app as cli
from copro.settings import Settings
from domain.account import Account, old_scheme_account_id
from domain.application import Condos
from domain.base import Actor, acting_as
from domain.email_claim import EmailClaim
from domain.email_claims_upgrade import EmailClaimsUpgrade
from domain.people import Person
from tests.integration.api import Api
from tests.integration.test_erasure import env_of

EMAIL = "Odile.Ancienne@Exemple.fr"
PASSWORD = "her password of old"


def an_old_store(settings: Settings) -> UUID:
    """The store as the version before email claims left it: an active account whose id is a
    UUIDv5 of its email, its person without a claim (nor the column for one), no upgrade."""
    condos = Condos(env=settings.event_store_env(), email_key=settings.email_claims_key)
    old_id = old_scheme_account_id(EMAIL)
    with acting_as(Actor.system()):
        account = Account(id=old_id, status="active", is_admin=False)
    person = Person(old_id, EMAIL.casefold(), "Odile", "Ancienne", None, hash_password(PASSWORD))
    condos.save(account, people=[person])
    condos.close()
    drop = "ALTER TABLE people DROP COLUMN email_claim"
    if settings.database_url:
        with psycopg.connect(settings.database_url, autocommit=True) as conn:
            conn.execute(drop)
    else:
        with sqlite3.connect(settings.data_dir / "events.sqlite") as conn:
            conn.execute(drop)
    return old_id


def recorded(condos: Condos, event: type) -> list[object]:
    notifications = condos.recorder.select_notifications(1, 10_000, topics=[get_topic(event)])
    return [condos.mapper.to_domain_event(n) for n in notifications]


def test_an_account_opened_under_the_old_scheme_signs_in_after_the_upgrade(
    settings: Settings,
) -> None:
    old_id = an_old_store(settings)
    site = create_site(settings)
    assert site.condos is not None
    with TestClient(site) as client:
        api = Api(client)
        token = api.login(EMAIL, PASSWORD)
        assert api.read("/auth/me", token).json()["account_id"] == str(old_id)
        condos = site.condos
        assert condos.account_id_of(EMAIL.upper()) == old_id
        # Its email stays its own: appointing it elsewhere invites the account, opens none.
        copro = condos.register_copro(
            Actor.system(), name="Le Parc", address="1 rue", postal_code="75001", city="Paris"
        )
        invited = condos.appoint_member(
            Actor.system(), copro.id, email=EMAIL, first_name="X", last_name="Y", role="auditor"
        )
        assert condos.account_id_of(EMAIL) == old_id
        joined = api.command("POST", f"/invitations/{invited.id}/accept", token)
        roles = api.read("/auth/me", token, joined["position"]).json()["roles"]
        assert [(r["copro_id"], r["role"]) for r in roles] == [(str(copro.id), "auditor")]


def test_several_processes_opening_an_old_store_give_its_accounts_their_claims_once(
    settings: Settings,
) -> None:
    old_id = an_old_store(settings)
    opened: list[Condos] = []

    def open_it() -> None:
        opened.append(open_condos(settings))

    threads = [threading.Thread(target=open_it) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    condos = opened[0]
    claims = recorded(condos, EmailClaim.Claimed)
    assert [c.holder_id for c in claims] == [old_id]  # type: ignore[attr-defined]
    upgrades = recorded(condos, EmailClaimsUpgrade.Completed)
    assert [u.accounts for u in upgrades] == [1]  # type: ignore[attr-defined]
    assert opened[1].account_id_of(EMAIL) == old_id
    for each in opened:
        each.close()


def test_a_store_opened_with_another_email_key_gives_every_account_its_claim_under_it(
    settings: Settings,
) -> None:
    old_id = an_old_store(settings)
    open_condos(settings).close()
    settings.email_key = SecretStr("another key, set before the secret key was changed")
    condos = open_condos(settings)
    assert condos.account_id_of(EMAIL) == old_id
    upgrades = recorded(condos, EmailClaimsUpgrade.Completed)
    assert [u.accounts for u in upgrades] == [1, 1]  # type: ignore[attr-defined]
    condos.close()


def test_erasing_a_person_whose_id_is_of_the_old_scheme_says_it_stays_computable(
    settings: Settings,
) -> None:
    old_id = an_old_store(settings)
    erased = CliRunner().invoke(
        cli, ["people", "erase", "--email", EMAIL, "--yes"], env=env_of(settings)
    )
    assert erased.exit_code == 0, erased.output
    assert f'"account_id": "{old_id}"' in erased.stdout
    assert '"old_scheme_id": true' in erased.stdout
    assert "UUIDv5 of the email" in erased.stderr
    condos = open_condos(settings)
    assert condos.account_id_of(EMAIL) is None and condos.people_of(EMAIL) == []
    condos.close()
