"""The tickets read model through the site, on SQLite and PostgreSQL: the managers' board, what
a reporter reads of their tickets (never the internal comments), the reporter's contact kept to
managers and out of every read table, and a rebuild giving back the same rows."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import pytest
from sqlalchemy import Engine, select

from domain.application import Condos
from domain.base import Actor
from domain.ticket import ContactDetails
from projections import tickets
from projections.engine import Projection, Projector
from projections.registry import PROJECTIONS
from tests.integration.api import Api, account_id
from tests.integration.helpers import admin_actor, rows_of
from tests.integration.test_api_tickets import Condo, appoint, condo_with_equipment, report


@pytest.fixture
def tilleuls(api: Api, admin: dict[str, str]) -> Condo:
    return condo_with_equipment(api, admin, "Résidence Les Tilleuls", "tilleuls.fr")


@pytest.fixture
def le_parc(api: Api, admin: dict[str, str]) -> Condo:
    return condo_with_equipment(api, admin, "Le Parc", "parc.fr")


def read(api: Api, path: str, who: dict[str, str], after: dict[str, Any]) -> Any:
    answer = api.read(path, who, after=after["position"])
    assert answer.status_code == 200, answer.text
    return answer.json()


def act(api: Api, who: dict[str, str], ticket: str, step: str, body: Any = None) -> dict[str, Any]:
    # A comment or a reply creates something (201); a move changes the ticket (200).
    expect = 201 if step in ("comments", "replies") else 200
    return api.command("POST", f"/tickets/{ticket}/{step}", who, body, expect)


def ids(listed: dict[str, Any]) -> list[str]:
    return [item["id"] for item in listed["items"]]


class TestBoard:
    def test_managers_filter_by_status_type_assignee_and_words_latest_first(
        self, api: Api, admin: dict[str, str], tilleuls: Condo
    ) -> None:
        appoint(api, admin, tilleuls.id, "deputy@tilleuls.fr", "manager")
        deputy = str(account_id(api, "deputy@tilleuls.fr"))
        lift = report(api, tilleuls.resident, tilleuls)["id"]
        badge = report(
            api,
            tilleuls.resident,
            tilleuls,
            type="request",
            title="Badge perdu",
            description="Comment obtenir un NOUVEAU badge d'entrée (100% perdu) ?",
            equipment_ids=[],
        )["id"]
        light = report(
            api,
            tilleuls.resident,
            tilleuls,
            title="Lumière du hall",
            description="L'ÉCLAIRAGE du hall clignote le soir.",
            equipment_ids=[tilleuls.light, tilleuls.lift],
        )["id"]
        act(api, tilleuls.manager, light, "assign", {"assignee_id": deputy})
        last = act(api, tilleuls.manager, lift, "start")
        board = f"/copros/{tilleuls.id}/tickets"

        def listed(query: str) -> list[str]:
            return ids(read(api, f"{board}?{query}", tilleuls.manager, last))

        everything = read(api, board, tilleuls.manager, last)
        assert (ids(everything), everything["total"]) == ([light, badge, lift], 3)
        assert listed("status=in_progress") == [lift]
        assert listed("status=analyzing&status=resolved") == [light, badge]
        assert listed("type=request") == [badge]
        assert listed("type=incident&status=analyzing") == [light]
        assert listed(f"assignee_id={deputy}") == [light]
        assert listed("q=éclairage") == [light]  # the case of letters beyond ASCII too
        assert listed("q=BLOQUÉ") == [lift]  # its title
        assert listed("q=nouveau badge") == [badge]  # its description
        assert listed("q=100%25 perdu") == [badge]
        assert listed("q=1%25perdu") == [] and listed("q=_") == []  # no wildcards

        item = everything["items"][0]
        assert {k: item[k] for k in item if k not in ("reported_at", "updated_at")} == {
            "id": light,
            "copro_id": tilleuls.id,
            "type": "incident",
            "title": "Lumière du hall",
            "status": "analyzing",
            "location": "Hall A, 3e étage",
            "equipment_ids": [tilleuls.light, tilleuls.lift],
            "assignee_id": deputy,
            "incident_id": None,
            "reporter_kind": "resident",
            "comment_count": 0,
            "reply_count": 0,
        }
        assert item["updated_at"] > item["reported_at"]

    def test_the_board_is_paged_with_the_total(self, api: Api, tilleuls: Condo) -> None:
        reported = [
            report(api, tilleuls.resident, tilleuls, title=f"Panne n°{n}") for n in range(5)
        ]
        board = f"/copros/{tilleuls.id}/tickets"
        page = read(api, f"{board}?limit=2&offset=2", tilleuls.manager, reported[-1])
        assert (ids(page), page["total"]) == ([reported[2]["id"], reported[1]["id"]], 5)
        beyond = read(api, f"{board}?limit=2&offset=5", tilleuls.manager, reported[-1])
        assert (beyond["items"], beyond["total"]) == ([], 5)
        filtered = read(api, f"{board}?status=closed&limit=1", tilleuls.manager, reported[-1])
        assert filtered == {"items": [], "total": 0}

    def test_comments_and_replies_are_counted(self, api: Api, tilleuls: Condo) -> None:
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        act(api, tilleuls.manager, ticket, "comments", {"text": "Contrat Otis ?"})
        act(api, tilleuls.manager, ticket, "replies", {"text": "C'est noté."})
        last = act(api, tilleuls.manager, ticket, "replies", {"text": "Technicien demain."})
        item = read(api, f"/copros/{tilleuls.id}/tickets", tilleuls.manager, last)["items"][0]
        assert (item["comment_count"], item["reply_count"]) == (1, 2)

    def test_an_unknown_status_type_or_limit_is_named(self, api: Api, tilleuls: Condo) -> None:
        answer = api.read(
            f"/copros/{tilleuls.id}/tickets?status=open&type=complaint&assignee_id=claire"
            "&limit=201",
            tilleuls.manager,
        )
        assert answer.status_code == 422
        assert answer.json()["code"] == "validation_error"
        assert {e["field"] for e in answer.json()["detail"]} == {
            "status.0",
            "type.0",
            "assignee_id",
            "limit",
        }

    def test_only_the_condos_managers_read_the_board(
        self, api: Api, tilleuls: Condo, le_parc: Condo
    ) -> None:
        last = report(api, tilleuls.resident, tilleuls)
        board = f"/copros/{tilleuls.id}/tickets"
        callers = [({}, 401), (tilleuls.resident, 403), (le_parc.manager, 404)]
        for who, status in callers:
            answer = api.read(board, who, after=last["position"])
            assert answer.status_code == status, (who, answer.text)
            assert "Ascenseur bloqué" not in answer.text


class TestWhatTheReporterReads:
    def test_the_reporter_reads_the_public_timeline_and_never_the_internal_comments(
        self, api: Api, tilleuls: Condo
    ) -> None:
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        steps: list[tuple[str, Any]] = [
            ("start", {"message": "Technicien prévenu"}),
            ("comments", {"text": "Contrat Otis à vérifier"}),
            ("replies", {"text": "Nous passons demain."}),
            ("resolve", {"message": "Câble changé"}),
            ("close", None),
            ("reopen", {"reason": "Encore bloqué"}),
        ]
        for step, body in steps:
            last = act(api, tilleuls.manager, ticket, step, body)
        manager = str(account_id(api, "manager@tilleuls.fr"))

        answer = api.read(f"/tickets/{ticket}", tilleuls.resident, after=last["position"])
        assert answer.status_code == 200, answer.text
        assert "Contrat Otis" not in answer.text
        seen = answer.json()
        assert not {"comments", "comment_count", "assignee_id", "reporter"} & set(seen)
        assert (seen["status"], seen["title"], seen["reply_count"]) == (
            "in_progress",
            "Ascenseur bloqué",
            1,
        )
        assert seen["description"] == "L'ascenseur est bloqué au 3e étage depuis ce matin."
        assert [(e["kind"], e["status"], e["text"]) for e in seen["timeline"]] == [
            ("reported", "analyzing", None),
            ("started", "in_progress", "Technicien prévenu"),
            ("replied", None, "Nous passons demain."),
            ("resolved", "resolved", "Câble changé"),
            ("closed", "closed", None),
            ("reopened", "in_progress", "Encore bloqué"),
        ]
        assert seen["timeline"][2]["author_id"] == manager

        managed = read(api, f"/tickets/{ticket}", tilleuls.manager, last)
        assert managed["timeline"] == seen["timeline"]
        assert [(c["author_id"], c["text"]) for c in managed["comments"]] == [
            (manager, "Contrat Otis à vérifier")
        ]
        assert managed["comment_count"] == 1

    def test_assigning_and_commenting_do_not_show_as_news_to_the_reporter(
        self, api: Api, tilleuls: Condo
    ) -> None:
        ticket = report(api, tilleuls.resident, tilleuls)["id"]
        manager = str(account_id(api, "manager@tilleuls.fr"))
        act(api, tilleuls.manager, ticket, "assign", {"assignee_id": manager})
        last = act(api, tilleuls.manager, ticket, "comments", {"text": "À voir lundi"})
        seen = read(api, f"/tickets/{ticket}", tilleuls.resident, last)
        managed = read(api, f"/tickets/{ticket}", tilleuls.manager, last)
        assert seen["updated_at"] == seen["reported_at"]
        assert managed["updated_at"] > managed["reported_at"]
        assert managed["assignee_id"] == manager

    def test_no_one_else_reads_a_ticket(
        self, api: Api, admin: dict[str, str], tilleuls: Condo, le_parc: Condo
    ) -> None:
        neighbour = appoint(api, tilleuls.manager, tilleuls.id, "voisin@tilleuls.fr", "resident")
        auditor = appoint(api, tilleuls.manager, tilleuls.id, "audit@tilleuls.fr", "auditor")
        last = report(api, tilleuls.resident, tilleuls)
        ticket = last["id"]
        for who in (neighbour, auditor, le_parc.manager, le_parc.resident):
            answer = api.read(f"/tickets/{ticket}", who, after=last["position"])
            assert answer.status_code == 404, answer.text
            assert answer.json()["code"] == "not_found"
        assert api.read(f"/tickets/{ticket}", {}).status_code == 401
        assert api.read(f"/tickets/{UUID(int=5)}", tilleuls.manager).status_code == 404
        assert api.read(f"/tickets/{ticket}", admin).status_code == 200

    def test_my_tickets_are_the_ones_i_reported_in_any_condo_latest_first(
        self, api: Api, tilleuls: Condo, le_parc: Condo
    ) -> None:
        # The resident of Les Tilleuls also owns a flat at Le Parc: invited there, they accept.
        invited = api.command(
            "POST",
            f"/copros/{le_parc.id}/members",
            le_parc.manager,
            {
                "email": "resident@tilleuls.fr",
                "first_name": "I",
                "last_name": "M",
                "role": "resident",
            },
            201,
        )
        api.command("POST", f"/invitations/{invited['id']}/accept", tilleuls.resident)
        here = report(api, tilleuls.resident, tilleuls)["id"]
        report(api, le_parc.resident, le_parc)
        there = report(api, tilleuls.resident, le_parc, title="Portail bloqué")["id"]
        last = act(api, le_parc.manager, there, "start")

        mine = read(api, "/me/tickets", tilleuls.resident, last)
        assert (ids(mine), mine["total"]) == ([there, here], 2)
        assert [(t["status"], t["copro_name"]) for t in mine["items"]] == [
            ("in_progress", "Le Parc"),
            ("analyzing", "Résidence Les Tilleuls"),
        ]
        assert "assignee_id" not in mine["items"][0]
        paged = read(api, "/me/tickets?limit=1&offset=1", tilleuls.resident, last)
        assert (ids(paged), paged["total"]) == ([here], 2)
        assert read(api, "/me/tickets", tilleuls.manager, last) == {"items": [], "total": 0}
        assert api.read("/me/tickets", {}).status_code == 401


def read_tables(api: Api) -> str:
    """Every row of every read table, as one lower-case text."""
    engine: Engine = api.client.app.query_app.state.engine  # type: ignore[attr-defined]
    with engine.connect() as conn:
        return "\n".join(
            str(tuple(row))
            for projection in PROJECTIONS
            for table in projection.metadata.sorted_tables
            for row in conn.execute(select(table))
        ).casefold()


class TestReporterContact:
    def test_managers_see_how_to_reach_an_anonymous_reporter_and_no_read_table_holds_it(
        self, api: Api, tilleuls: Condo
    ) -> None:
        contact = {
            "name": "Zéphyrin Unique",
            "email": "Zephyrin@Cachette.fr",
            "phone": "07 98 76 54 32",
        }
        last = report(api, {}, tilleuls, reporter=contact)
        ticket = last["id"]

        managed = read(api, f"/tickets/{ticket}", tilleuls.manager, last)
        assert managed["reporter"] == {
            "id": managed["reporter"]["id"],
            "kind": "anonymous",
            "name": "Zéphyrin Unique",
            "email": "zephyrin@cachette.fr",
            "phone": "+33798765432",
        }
        board = read(api, f"/copros/{tilleuls.id}/tickets", tilleuls.manager, last)
        assert "cachette" not in str(board).casefold()

        stored = read_tables(api)
        assert "ascenseur bloqué" in stored  # the scan does see the ticket
        for secret in ["zéphyrin", "unique", "cachette", "798765432", "98 76 54 32"]:
            assert secret not in stored

    def test_managers_see_a_residents_name_and_email(self, api: Api, tilleuls: Condo) -> None:
        last = report(api, tilleuls.resident, tilleuls)
        reporter = read(api, f"/tickets/{last['id']}", tilleuls.manager, last)["reporter"]
        assert reporter == {
            "id": str(account_id(api, "resident@tilleuls.fr")),
            "kind": "resident",
            "name": "Inès Moreau",
            "email": "resident@tilleuls.fr",
            "phone": None,
        }


# -- rebuilding from the log ------------------------------------------------------------------


def follow_up_tickets(condos: Condos) -> None:
    """A condo whose tickets went through every event the projection follows."""
    admin = admin_actor(condos)
    copro = condos.register_copro(
        admin, name="Les Tilleuls", address="12 rue", postal_code="69003", city="Lyon"
    ).id
    building = condos.add_building(admin, copro, name="A").id
    lift = condos.install_equipment(
        admin, copro, building_id=building, name="Ascenseur", category="lift"
    ).id
    manager = Actor(
        str(
            condos.appoint_member(
                admin, copro, email="m@t.fr", first_name="C", last_name="M", role="manager"
            ).id
        )
    )
    resident = Actor(
        str(
            condos.appoint_member(
                manager, copro, email="r@t.fr", first_name="I", last_name="M", role="resident"
            ).id
        )
    )

    def report(by: Actor, reporter: ContactDetails | None = None) -> UUID:
        return condos.report_ticket(
            by,
            copro,
            type="incident",
            title="Panne",
            description="Rien ne va plus.",
            equipment_ids=[lift],
            reporter=reporter,
        ).id

    first = report(resident)
    condos.assign_ticket(manager, first, assignee_id=UUID(manager.id))
    condos.start_ticket(manager, first, message="On regarde")
    condos.comment_on_ticket(manager, first, text="Interne")
    condos.reply_to_ticket(manager, first, text="Public")
    condos.resolve_ticket(manager, first, message="Réparé")
    condos.close_ticket(manager, first)
    condos.reopen_ticket(manager, first, reason="Encore")
    anonymous = report(Actor.anonymous(), ContactDetails(name="Jeanne", email="j@v.fr"))
    condos.convert_ticket(manager, anonymous)


class TestRebuild:
    def test_a_reset_gives_back_the_same_rows(self, condos: Condos, engine: Engine) -> None:
        follow_up_tickets(condos)
        projector = Projector(tickets.projection, condos, engine)
        projector.setup()
        projector.catch_up()
        before = rows_of(engine, tickets.projection)
        assert all(before.values()), before  # every table has rows to compare

        projector.reset()
        projector.catch_up()
        assert rows_of(engine, tickets.projection) == before

    def test_a_blue_green_rebuild_gives_back_the_same_rows(
        self, condos: Condos, engine: Engine
    ) -> None:
        follow_up_tickets(condos)
        live = Projector(tickets.projection, condos, engine)
        live.setup()
        live.catch_up()
        before = rows_of(engine, tickets.projection)

        bumped = Projection(
            name=tickets.projection.name,
            version=tickets.projection.version + 1,
            metadata=tickets.metadata,
            handlers=tickets.projection.handlers,
        )
        rebuilt = Projector(bumped, condos, engine, batch_size=4, rebuild_batch_size=4)
        rebuilt.setup()
        assert rebuilt.rebuilding
        rebuilt.catch_up()
        assert not rebuilt.rebuilding
        assert rows_of(engine, tickets.projection) == before
