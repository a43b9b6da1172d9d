"""What the status page hands out beside its JSON: ETags and 304s for the page, its history and
its feed; the Atom feed read by a real feed parser; the QR code of the report form; and the
equipment's names in a reporter's tickets. Through the site on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import re
import time
from datetime import timedelta
from typing import Any

import feedparser
import pytest
import segno
from sqlalchemy import event

from tests.integration.api import Api
from tests.integration.test_read_status import (
    Home,
    home,
    maintain,
    open_incident,
    post_update,
    schedule,
)

PARTS = ("", "/history", "/feed.atom")


@pytest.fixture
def tilleuls(api: Api, admin: dict[str, str]) -> Home:
    return home(api, admin)


@pytest.fixture
def le_parc(api: Api, admin: dict[str, str]) -> Home:
    return home(api, admin, "Le Parc", people="parc.fr")


def get(api: Api, path: str, after: dict[str, Any] | None = None, **headers: str) -> Any:
    sent = {"X-Copro-After": str(after["position"] if after else 0), **headers}
    return api.client.get(f"/api/v1{path}", headers=sent)


class TestETags:
    @pytest.mark.parametrize("part", PARTS)
    def test_an_unchanged_page_answers_304_without_a_body(
        self, api: Api, tilleuls: Home, part: str
    ) -> None:
        first = get(api, f"/status/{tilleuls.slug}{part}")
        assert first.status_code == 200 and first.headers["etag"].startswith('W/"')
        again = get(
            api, f"/status/{tilleuls.slug}{part}", **{"If-None-Match": first.headers["etag"]}
        )
        assert (again.status_code, again.content) == (304, b"")
        assert again.headers["etag"] == first.headers["etag"]
        assert "x-copro-position" in again.headers

    @pytest.mark.parametrize("part", PARTS)
    def test_a_change_answers_200_with_a_new_etag(
        self, api: Api, tilleuls: Home, part: str
    ) -> None:
        before = get(api, f"/status/{tilleuls.slug}{part}").headers["etag"]
        opened = open_incident(api, tilleuls, {tilleuls.lift: "major_outage"})
        after = get(api, f"/status/{tilleuls.slug}{part}", opened, **{"If-None-Match": before})
        assert after.status_code == 200 and after.content
        assert after.headers["etag"] not in (before, None)

    def test_a_change_in_another_condo_keeps_this_etag(
        self, api: Api, tilleuls: Home, le_parc: Home
    ) -> None:
        before = {
            part: get(api, f"/status/{tilleuls.slug}{part}").headers["etag"] for part in PARTS
        }
        theirs = open_incident(api, le_parc, {le_parc.lift: "major_outage"})
        for part in PARTS:
            again = get(
                api, f"/status/{tilleuls.slug}{part}", theirs, **{"If-None-Match": before[part]}
            )
            assert again.status_code == 304, part

    def test_etags_match_weakly_and_in_lists_as_nginx_and_browsers_send_them(
        self, api: Api, tilleuls: Home
    ) -> None:
        etag = get(api, f"/status/{tilleuls.slug}").headers["etag"]
        for sent in (etag, etag.removeprefix("W/"), f'"other", {etag}', "*"):
            assert (
                get(api, f"/status/{tilleuls.slug}", **{"If-None-Match": sent}).status_code == 304
            )
        assert get(api, f"/status/{tilleuls.slug}", **{"If-None-Match": '"x"'}).status_code == 200

    def test_head_answers_the_etag_without_a_body(self, api: Api, tilleuls: Home) -> None:
        etag = get(api, f"/status/{tilleuls.slug}").headers["etag"]
        head = api.client.head(f"/api/v1/status/{tilleuls.slug}")
        assert (head.status_code, head.headers["etag"], head.content) == (200, etag, b"")

    def test_a_members_only_page_is_kept_by_the_members_browser_only(
        self, api: Api, tilleuls: Home
    ) -> None:
        assert get(api, f"/status/{tilleuls.slug}").headers["cache-control"] == "no-cache"
        made_private = api.command(
            "PATCH", f"/copros/{tilleuls.id}", tilleuls.manager, {"public_status_page": False}
        )
        answer = get(api, f"/status/{tilleuls.slug}", made_private, **tilleuls.resident)
        assert answer.headers["cache-control"] == "private, no-cache"
        assert get(api, f"/status/{tilleuls.slug}", made_private).status_code == 404

    def test_a_visitor_follows_the_condo_to_its_new_slug_and_name_at_once(
        self, api: Api, tilleuls: Home
    ) -> None:
        # A visitor's condo and page are served from memory (`query_api.pages`) until the
        # condo changes: the old address must stop answering the moment it moved.
        for part in PARTS:
            assert get(api, f"/status/{tilleuls.slug}{part}").status_code == 200
        moved = api.command(
            "PATCH",
            f"/copros/{tilleuls.id}",
            tilleuls.manager,
            {"slug": "les-tilleuls-2", "name": "Les Tilleuls II"},
        )
        for part in PARTS:
            assert get(api, f"/status/{tilleuls.slug}{part}", moved).status_code == 404
        page = get(api, "/status/les-tilleuls-2", moved)
        assert (page.status_code, page.json()["copro"]["name"]) == (200, "Les Tilleuls II")


class TestKeptPages:
    """A visitor's page once kept is answered before FastAPI routes it (`KeptPages`): the
    route's own answer, and never once the condo or its page changed."""

    def test_a_page_answered_again_from_memory_is_the_routes_answer(
        self, api: Api, tilleuls: Home
    ) -> None:
        path = f"/api/v1/status/{tilleuls.slug}"
        # A token no one holds is read by the route, as an anonymous visitor's request.
        routed = api.client.get(path, headers={"Authorization": "Bearer not-a-token"})
        kept = api.client.get(path)
        held = api.client.get(path, headers={"If-None-Match": routed.headers["etag"]})
        caught_up = api.client.get(
            path, headers={"X-Copro-After": routed.headers["x-copro-position"]}
        )

        assert routed.status_code == 200
        for answer in (kept, caught_up):
            assert (answer.status_code, answer.content) == (200, routed.content)
            for name in ("etag", "cache-control", "content-type", "x-copro-position"):
                assert answer.headers[name] == routed.headers[name], name
        assert (held.status_code, held.content) == (304, b"")
        for name in ("etag", "cache-control", "x-copro-position"):
            assert held.headers[name] == routed.headers[name], name

    def test_a_kept_page_is_answered_without_the_routes_dependencies(
        self, api: Api, tilleuls: Home, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = f"/api/v1/status/{tilleuls.slug}"
        kept = api.client.get(path)

        def unreachable(*_: Any) -> None:
            raise AssertionError("the route was reached")

        monkeypatch.setattr("query_api.routes.status.shown_copro_with", unreachable)
        again = api.client.get(path)
        assert (again.status_code, again.content) == (200, kept.content)

    def test_after_a_change_a_visitors_page_is_read_with_its_condos_row_in_one_connection(
        self, api: Api, tilleuls: Home
    ) -> None:
        # Both are read again after every change: one thread and one connection for the two,
        # not one each, was most of what a read waiting for its write cost on the query side.
        path = f"/status/{tilleuls.slug}"
        assert get(api, path).status_code == 200
        changed = api.command(
            "POST", f"/copros/{tilleuls.id}/buildings", tilleuls.manager, {"name": "Z"}, 201
        )
        engine = api.client.app.query_app.state.engine  # type: ignore[attr-defined]
        seen: list[tuple[Any, str]] = []

        def note(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
            seen.append((conn, statement))

        event.listen(engine, "before_cursor_execute", note)
        try:
            page = get(api, path, changed)
        finally:
            event.remove(engine, "before_cursor_execute", note)

        assert "Z" in [b["name"] for b in page.json()["buildings"]]
        row = [conn for conn, text in seen if "copros.slug =" in text]
        buildings = [conn for conn, text in seen if "status_buildings.archived" in text]
        assert len(row) == 1 and len(buildings) == 1, seen
        assert row[0] is buildings[0]

    def test_a_kept_page_stops_answering_once_its_condo_is_members_only(
        self, api: Api, tilleuls: Home
    ) -> None:
        path = f"/api/v1/status/{tilleuls.slug}"
        etag = api.client.get(path).headers["etag"]
        assert api.client.get(path).status_code == 200
        api.command(
            "PATCH", f"/copros/{tilleuls.id}", tilleuls.manager, {"public_status_page": False}
        )
        deadline = time.monotonic() + 2
        while (answer := api.client.get(path, headers={"If-None-Match": etag})).status_code != 404:
            assert time.monotonic() < deadline, f"still answered {answer.status_code}"
            time.sleep(0.02)
        assert api.client.get(path).status_code == 404

    def test_a_bad_position_is_refused_by_the_route_even_for_a_kept_page(
        self, api: Api, tilleuls: Home
    ) -> None:
        path = f"/api/v1/status/{tilleuls.slug}"
        assert api.client.get(path).status_code == 200
        refused = api.client.get(path, headers={"X-Copro-After": "-1"})
        assert refused.status_code == 422 and "X-Copro-After" in refused.text


class TestFeed:
    def test_lists_an_incident_opened_by_a_command_then_its_update(
        self, api: Api, tilleuls: Home
    ) -> None:
        opened = open_incident(api, tilleuls, {tilleuls.lift: "major_outage"}, title="Ascenseur")
        feed = parse(get(api, f"/status/{tilleuls.slug}/feed.atom", opened))
        assert feed.version == "atom10" and not feed.bozo
        assert feed.feed.title == "Résidence Les Tilleuls — état des équipements"
        (entry,) = feed.entries
        assert entry.id == f"urn:uuid:{opened['id']}"
        assert entry.title == "Ascenseur — en cours d’analyse"
        assert entry.link == f"http://testserver/c/{tilleuls.slug}"
        assert "Nous sommes prévenus." in entry.content[0].value

        updated = post_update(api, tilleuls, opened["id"], "Technicien sur place", "in_progress")
        later = parse(get(api, f"/status/{tilleuls.slug}/feed.atom", updated)).entries[0]
        assert later.id == entry.id
        assert later.title == "Ascenseur — intervention en cours"
        assert "Technicien sur place" in later.content[0].value
        assert later.updated_parsed >= entry.updated_parsed
        assert later.updated != entry.updated or later.content != entry.content

    def test_lists_maintenance_in_progress_planned_and_just_ended(
        self, api: Api, tilleuls: Home
    ) -> None:
        running = schedule(api, tilleuls, [tilleuls.lift], timedelta(days=2), timedelta(hours=3))
        maintain(api, tilleuls, running["id"], "start")
        ended = schedule(api, tilleuls, [tilleuls.light], timedelta(days=3), timedelta(hours=1))
        maintain(api, tilleuls, ended["id"], "start")
        last = maintain(api, tilleuls, ended["id"], "complete")
        planned = schedule(api, tilleuls, [tilleuls.light], timedelta(days=9), timedelta(hours=2))
        far = schedule(api, tilleuls, [tilleuls.light], timedelta(days=60), timedelta(hours=2))
        titles = {
            e.id: e.title
            for e in parse(get(api, f"/status/{tilleuls.slug}/feed.atom", far)).entries
        }
        assert titles == {
            f"urn:uuid:{running['id']}": "Maintenance en cours : Révision annuelle",
            f"urn:uuid:{ended['id']}": "Maintenance terminée : Révision annuelle",
            f"urn:uuid:{planned['id']}": "Maintenance prévue : Révision annuelle",
        }
        assert last["position"] < far["position"]

    def test_links_under_the_public_url_when_one_is_set(self, api: Api, tilleuls: Home) -> None:
        api.client.app.query_app.state.settings.public_url = "https://copro.example.org/"  # type: ignore[attr-defined]
        feed = parse(get(api, f"/status/{tilleuls.slug}/feed.atom"))
        assert feed.feed.link == f"https://copro.example.org/c/{tilleuls.slug}"


class TestQrCode:
    def test_points_at_the_report_form_of_the_requests_origin(
        self, api: Api, tilleuls: Home
    ) -> None:
        answer = get(api, f"/status/{tilleuls.slug}/qr.svg")
        assert answer.headers["content-type"] == "image/svg+xml"
        assert made_by_segno_from(answer.content, f"http://testserver/c/{tilleuls.slug}/report")
        assert re.search(
            r"<title>QR code du formulaire de signalement — Résidence Les Tilleuls</title>",
            answer.text,
        )

    def test_follows_the_scheme_and_host_a_proxy_passes_on(self, api: Api, tilleuls: Home) -> None:
        answer = get(
            api,
            f"/status/{tilleuls.slug}/qr.svg",
            **{"Host": "copro.example.org", "X-Forwarded-Proto": "https"},
        )
        expected = f"https://copro.example.org/c/{tilleuls.slug}/report"
        assert made_by_segno_from(answer.content, expected)

    def test_points_at_the_public_url_when_one_is_set(self, api: Api, tilleuls: Home) -> None:
        api.client.app.query_app.state.settings.public_url = "https://copro.example.org"  # type: ignore[attr-defined]
        answer = get(api, f"/status/{tilleuls.slug}/qr.svg")
        expected = f"https://copro.example.org/c/{tilleuls.slug}/report"
        assert made_by_segno_from(answer.content, expected)
        assert not made_by_segno_from(answer.content, f"http://testserver/c/{tilleuls.slug}/report")


class TestReportersTickets:
    def test_name_their_equipment_beside_the_ids(self, api: Api, tilleuls: Home) -> None:
        body = {
            "type": "incident",
            "title": "Ascenseur bloqué",
            "description": "Bloqué au 3e étage depuis ce matin.",
            "equipment_ids": [tilleuls.light, tilleuls.lift],
        }
        ticket = api.command("POST", f"/copros/{tilleuls.id}/tickets", tilleuls.resident, body, 201)
        named = [
            {"id": tilleuls.light, "name": "Éclairage hall"},
            {"id": tilleuls.lift, "name": "Ascenseur 1"},
        ]
        mine = get(api, "/me/tickets", ticket, **tilleuls.resident).json()["items"][0]
        assert (mine["equipment_ids"], mine["equipment"]) == (
            [tilleuls.light, tilleuls.lift],
            named,
        )
        one = get(api, f"/tickets/{ticket['id']}", ticket, **tilleuls.resident).json()
        assert (one["equipment_ids"], one["equipment"]) == ([tilleuls.light, tilleuls.lift], named)
        managed = get(api, f"/tickets/{ticket['id']}", ticket, **tilleuls.manager).json()
        assert managed["equipment"] == named


def parse(answer: Any) -> Any:
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/atom+xml"
    return feedparser.parse(answer.content)


def made_by_segno_from(svg: bytes, url: str) -> bool:
    """Whether the SVG is segno's QR code of `url`: its modules drawn the same. (No QR reader
    of pure Python is kept up on PyPI; segno is deterministic for one text and one level.)"""
    made = io.BytesIO()
    segno.make(url, error="m", micro=False).save(made, kind="svg", scale=4, border=4)
    return path_of(made.getvalue()) == path_of(svg)


def path_of(svg: bytes) -> str:
    found = re.search(rb'<path[^>]* d="([^"]+)"', svg)
    assert found, svg[:200]
    return found.group(1).decode()
