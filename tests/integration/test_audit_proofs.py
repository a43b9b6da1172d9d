"""What auditors are given to prove the log was not rewritten, on SQLite and PostgreSQL: a
condo's verification and the signed head through the query API, exports that verify on their
own, and `copro audit verify|head|export`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pydantic import SecretStr
from sqlalchemy import Engine, delete

from copro.audit import commands
from copro.audit.chain import Tally
from copro.audit.exported import check_export
from copro.audit.head import message
from copro.audit.models import SignedHead
from copro.settings import Settings
from projections import status_page
from tests.integration.api import Api
from tests.integration.tampering import RawStore
from tests.integration.test_read_audit import Audited, audited

KEY = "22" * 32


@pytest.fixture
def ours(api: Api, admin: dict[str, str]) -> Audited:
    return audited(api, admin, "Résidence Les Tilleuls", "t.fr")


@pytest.fixture
def raw(settings: Settings) -> Iterator[RawStore]:
    store = RawStore(settings)
    yield store
    store.close()


def verify(api: Api, at: Audited, who: dict[str, str]) -> Any:
    return api.read(f"/copros/{at.id}/audit/verify", who, after=at.last["position"])


def export(api: Api, at: Audited) -> list[str]:
    answer = api.read(f"/copros/{at.id}/audit/export.jsonl", at.auditor, at.last["position"])
    assert answer.status_code == 200, answer.text
    return answer.text.splitlines(keepends=True)


class TestVerifyRoute:
    def test_the_condos_auditor_is_told_every_chain_holds(self, api: Api, ours: Audited) -> None:
        answer = verify(api, ours, ours.auditor).json()
        assert (answer["holds"], answer["breaks"], answer["breaks_total"]) == (True, [], 0)
        assert answer["checked"] >= len(export(api, ours)) and answer["streams"] > 1

    def test_a_byte_changed_in_an_expense_is_named_to_the_auditor(
        self, api: Api, ours: Audited, raw: RawStore
    ) -> None:
        expense = UUID(ours.expense)
        raw.flip_a_byte(expense, 2, b"erreur", b"errEur")
        answer = verify(api, ours, ours.auditor).json()
        assert answer["holds"] is False
        [found] = answer["breaks"]
        assert (found["kind"], found["stream"], found["version"], found["position"]) == (
            "changed",
            ours.expense,
            2,
            raw.position_of(expense, 2),
        )
        assert found["expected"] != found["found"]

    def test_the_managers_verify_too_but_not_the_residents(self, api: Api, ours: Audited) -> None:
        assert verify(api, ours, ours.manager).status_code == 200
        refused = verify(api, ours, ours.resident)
        assert (refused.status_code, refused.json()["code"]) == (403, "forbidden")

    def test_another_condos_auditor_is_told_there_is_no_such_condo(
        self, api: Api, admin: dict[str, str], ours: Audited
    ) -> None:
        theirs = audited(api, admin, "Le Parc", "parc.fr")
        assert verify(api, ours, theirs.auditor).status_code == 404


class TestHeadRoute:
    def test_an_auditor_is_given_the_head_signed_with_the_platforms_key(
        self, api: Api, ours: Audited, settings: Settings
    ) -> None:
        settings.audit_key = SecretStr(KEY)
        head = api.read("/audit/head", ours.auditor, ours.last["position"]).json()
        assert head["position"] >= ours.last["position"]
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(head["public_key"]))
        when = SignedHead.model_validate(head).time
        key.verify(
            bytes.fromhex(head["signature"]), message(head["position"], head["log_hash"], when)
        )

    def test_operators_and_admins_are_given_it_but_not_residents(
        self, api: Api, admin: dict[str, str], ours: Audited, settings: Settings
    ) -> None:
        settings.audit_key = SecretStr(KEY)
        assert api.read("/audit/head", admin).status_code == 200
        refused = api.read("/audit/head", ours.manager)
        assert (refused.status_code, refused.json()["code"]) == (403, "forbidden")

    def test_postgresql_without_an_audit_key_answers_that_it_is_missing(
        self, api: Api, ours: Audited, settings: Settings
    ) -> None:
        if settings.database_url is None:
            pytest.skip("embedded, a key file is made on first use")
        answer = api.read("/audit/head", ours.auditor)
        assert (answer.status_code, answer.json()["code"]) == (503, "audit_key_missing")


class TestExport:
    def test_an_export_verifies_on_its_own(self, api: Api, ours: Audited) -> None:
        lines = export(api, ours)
        tally = Tally()
        assert list(check_export(lines, tally)) == []
        assert tally.events == len(lines) > 3

    def test_a_line_whose_data_was_changed_is_named(self, api: Api, ours: Audited) -> None:
        lines = export(api, ours)
        number, line = next(
            (n, json.loads(t))
            for n, t in enumerate(lines, 1)
            if json.loads(t)["event_type"] == "Corrected"
        )
        line["data"]["changes"]["amount_cents"] = 1
        lines[number - 1] = json.dumps(line) + "\n"
        [found] = list(check_export(lines, Tally()))
        assert (found.kind, str(found.stream), found.version, found.position) == (
            "changed",
            ours.expense,
            2,
            line["position"],
        )
        assert found.detail == f"line {number}: its data is not what its hashed event says"

    def test_a_line_whose_state_was_changed_is_named(self, api: Api, ours: Audited) -> None:
        lines = export(api, ours)
        line = json.loads(lines[-1])
        line["chain"]["state"] = line["chain"]["state"].replace("facture", "Facture")
        lines[-1] = json.dumps(line)
        [found] = list(check_export(lines, Tally()))
        assert (found.kind, found.position) == ("changed", line["position"])
        assert found.expected is not None and found.expected != found.found

    def test_the_command_line_writes_what_the_route_answers(
        self, api: Api, ours: Audited, settings: Settings, tmp_path: Path
    ) -> None:
        lines = export(api, ours)
        out = tmp_path / "export.jsonl"
        said: list[str] = []
        assert commands.export(settings, UUID(ours.id), out, said.append) == 0
        assert out.read_text().splitlines(keepends=True) == lines
        assert commands.verify(settings, None, None, out, said.append) == 0
        assert (
            said[-1] == f"all chains hold: {len(lines)} events checked in {streams(lines)} streams"
        )

    def test_an_export_asks_the_audit_index_alone_whether_the_condo_exists(
        self, api: Api, ours: Audited, settings: Settings, engine: Engine, tmp_path: Path
    ) -> None:
        lines = export(api, ours)
        # As if the status page's projection had failed before it saw the condo: the audit
        # index, which the export reads, holds it all the same.
        with engine.begin() as conn:
            conn.execute(delete(status_page.copros).where(status_page.copros.c.id == UUID(ours.id)))
        out = tmp_path / "export.jsonl"
        said: list[str] = []
        assert commands.export(settings, UUID(ours.id), out, said.append) == 0, said
        assert out.read_text().splitlines(keepends=True) == lines


def streams(lines: list[str]) -> int:
    return len({json.loads(line)["aggregate_id"] for line in lines})


class TestCommandLine:
    def test_verify_names_a_changed_event_and_exits_1(
        self, api: Api, ours: Audited, settings: Settings, raw: RawStore
    ) -> None:
        raw.flip_a_byte(UUID(ours.expense), 2, b"erreur", b"errEur")
        said: list[str] = []
        assert commands.verify(settings, None, None, None, said.append) == 1
        position = raw.position_of(UUID(ours.expense), 2)
        assert said[0].startswith(f"changed   stream {ours.expense} version 2 position {position}")
        assert said[-1].startswith("1 breaks found: ")

    def test_verify_of_one_condo_walks_its_streams(
        self, api: Api, ours: Audited, settings: Settings
    ) -> None:
        said: list[str] = []
        assert commands.verify(settings, UUID(ours.id), None, None, said.append) == 0
        assert said == [said[-1]] and said[-1].startswith("all chains hold: ")

    def test_a_head_whose_signature_was_tampered_with_is_refused(
        self, api: Api, ours: Audited, settings: Settings, tmp_path: Path
    ) -> None:
        settings.audit_key = SecretStr(KEY)
        head = a_saved_head(settings, tmp_path)
        saved = json.loads(head.read_text())
        saved["position"] -= 1  # as if it were the head of a shorter log
        head.write_text(json.dumps(saved))
        said: list[str] = []
        assert commands.verify(settings, None, head, None, said.append) == 1
        assert said == ["head refused: the head's signature does not hold: it is not as signed"]

    def test_a_head_signed_by_another_key_is_refused(
        self, api: Api, ours: Audited, settings: Settings, tmp_path: Path
    ) -> None:
        settings.audit_key = SecretStr("33" * 32)
        head = a_saved_head(settings, tmp_path)
        settings.audit_key = SecretStr(KEY)
        said: list[str] = []
        assert commands.verify(settings, None, head, None, said.append) == 1
        assert said[0].startswith("head refused: the head was signed with the key ")

    def test_a_saved_head_holds_while_the_log_is_untouched(
        self, api: Api, ours: Audited, settings: Settings, tmp_path: Path
    ) -> None:
        settings.audit_key = SecretStr(KEY)
        head = a_saved_head(settings, tmp_path)
        said: list[str] = []
        assert commands.verify(settings, None, head, None, said.append) == 0
        assert said[0].startswith("the log extends the signed head of position ")


def a_saved_head(settings: Settings, folder: Path) -> Path:
    said: list[str] = []
    assert commands.print_head(settings, said.append) == 0
    path = folder / "head.json"
    path.write_text(said[0])
    return path
