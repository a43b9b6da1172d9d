"""The status page live, against a real `copro serve` (uvicorn, the projector's signal, gzip in
front) on SQLite and PostgreSQL: a `page` event within a second of a command, `Last-Event-ID`
resuming, heartbeats, nothing for another condo's change, the server stopping promptly with
streams open; and what `copro serve` says of caching and compression."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import POSTGRES_UP, create_database, drop_database, need
from tests.integration.live_server import ADMIN, EventStream, LiveServer


@dataclass
class Condo:
    id: str
    slug: str
    lift: str
    manager: dict[str, str]


class Site:
    """A client of the live server that signs in and sets condos up over HTTP."""

    def __init__(self, server: LiveServer) -> None:
        self.server = server
        self.http = httpx.Client(base_url=f"{server.url}/api/v1", timeout=10)
        self.admin = self.login(*ADMIN)
        self.condos = 0

    def login(self, email: str, password: str) -> dict[str, str]:
        answer = self.http.post("/auth/login", data={"username": email, "password": password})
        assert answer.status_code == 200, answer.text
        return {"Authorization": f"Bearer {answer.json()['access_token']}"}

    def command(self, path: str, who: dict[str, str], body: Any, verb: str = "POST") -> Any:
        answer = self.http.request(verb, path, json=body, headers=who)
        assert answer.status_code in (200, 201), answer.text
        return answer.json()

    def condo(self, name: str) -> Condo:
        """A new condo (its name numbered: the server lives for the whole module)."""
        self.condos += 1
        address = {"address": "1 rue", "postal_code": "69003", "city": "Lyon"}
        named = {"name": f"{name} {self.condos}", **address}
        copro = self.command("/copros", self.admin, named)
        email = f"manager-{copro['id'][:8]}@copro-live.org"
        self.command(
            f"/copros/{copro['id']}/members",
            self.admin,
            {
                "email": email,
                "first_name": "Claire",
                "last_name": "Martin",
                "role": "manager",
                "password": "a long password",
            },
        )
        manager = self.login(email, "a long password")
        building = self.command(f"/copros/{copro['id']}/buildings", manager, {"name": "A"})
        lift = self.command(
            f"/copros/{copro['id']}/equipment",
            manager,
            {"building_id": building["id"], "name": "Ascenseur", "category": "lift"},
        )
        slug = self.read(f"/copros/{copro['id']}", lift["position"], manager).json()["slug"]
        return Condo(copro["id"], slug, lift["id"], manager)

    def read(self, path: str, after: int = 0, who: dict[str, str] | None = None) -> Any:
        return self.http.get(path, headers={"X-Copro-After": str(after), **(who or {})})

    def break_lift(self, condo: Condo) -> dict[str, Any]:
        impacts = [{"equipment_id": condo.lift, "impact": "major_outage"}]
        body = {"title": "Ascenseur en panne", "message": "Bloqué au 2e", "impacts": impacts}
        return self.command(f"/copros/{condo.id}/incidents", condo.manager, body)  # type: ignore[no-any-return]

    def stream(self, condo: Condo, **headers: str) -> EventStream:
        opened = EventStream(f"{self.server.url}/api/v1/status/{condo.slug}/stream", headers)
        assert opened.status == 200
        return opened


def started(tmp: Path, store: str) -> tuple[LiveServer, str | None]:
    database_url = None
    if store == "postgres":
        need("postgres", POSTGRES_UP, "PostgreSQL unreachable")
        database_url = create_database()
    return LiveServer(tmp / "var", database_url).start(), database_url


# Named apart from its fixture name so that another module imports it beside parameters `site`.
@pytest.fixture(scope="module", params=["sqlite", "postgres"], name="site")
def site_fixture(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Site]:
    server, database_url = started(tmp_path_factory.mktemp(request.param), request.param)
    try:
        yield Site(server)
    finally:
        server.stop()
        if database_url:
            drop_database(database_url)


@pytest.fixture
def tilleuls(site: Site) -> Condo:
    return site.condo("Les Tilleuls")


def first_id(stream: EventStream) -> int:
    """The position a fresh stream starts from (a message with an id only)."""
    message = stream.next(5, event=None)
    assert message is not None and message.event is None and message.data is None, message
    return int(message.id or "")


class TestPageEvents:
    def test_a_page_event_arrives_within_a_second_of_a_command(
        self, site: Site, tilleuls: Condo
    ) -> None:
        stream = site.stream(tilleuls)
        try:
            start = first_id(stream)
            opened = site.break_lift(tilleuls)
            answered = time.monotonic()
            event = stream.next(1.0)
            assert event is not None, "no page event within a second of the command"
            assert time.monotonic() - answered < 1.0
            change = event.json()
            assert change["position"] >= opened["position"] > start
            assert event.id == str(change["position"])
            page = site.read(f"/status/{tilleuls.slug}", change["position"])
            assert page.headers["etag"] == change["etag"]
            assert page.json()["overall_status"] == "major_outage"
        finally:
            stream.close()

    def test_a_stream_is_neither_compressed_nor_cached(self, site: Site, tilleuls: Condo) -> None:
        stream = site.stream(tilleuls, **{"Accept-Encoding": "gzip"})
        try:
            assert stream.headers is not None
            assert stream.headers["content-type"].startswith("text/event-stream")
            assert "content-encoding" not in stream.headers
            assert stream.headers["cache-control"] == "no-store"
            first_id(stream)
        finally:
            stream.close()

    def test_heartbeats_keep_it_open(self, site: Site, tilleuls: Condo) -> None:
        stream = site.stream(tilleuls)
        try:
            beats = [stream.next(2, event="comment") for _ in range(2)]
            assert [b.comment if b else None for b in beats] == ["heartbeat", "heartbeat"]
        finally:
            stream.close()

    def test_another_condos_change_tells_this_stream_nothing(self, site: Site) -> None:
        ours, theirs = site.condo("Le Parc"), site.condo("Les Cèdres")
        quiet, told = site.stream(ours), site.stream(theirs)
        try:
            first_id(quiet), first_id(told)
            site.break_lift(theirs)
            assert told.next(5) is not None
            assert quiet.next(1.5) is None
        finally:
            quiet.close()
            told.close()

    def test_a_members_only_page_streams_to_members_only(self, site: Site) -> None:
        private = site.condo("Le Clos")
        changed = site.command(
            f"/copros/{private.id}", private.manager, {"public_status_page": False}, "PATCH"
        )
        site.read(f"/copros/{private.id}", changed["position"], private.manager)
        url = f"{site.server.url}/api/v1/status/{private.slug}/stream"
        assert httpx.get(url, timeout=5).status_code == 404
        stream = site.stream(private, **private.manager)
        try:
            first_id(stream)
        finally:
            stream.close()

    def test_head_answers_at_once(self, site: Site, tilleuls: Condo) -> None:
        head = httpx.head(f"{site.server.url}/api/v1/status/{tilleuls.slug}/stream", timeout=3)
        assert head.status_code == 200 and head.content == b""


class TestResuming:
    def test_a_change_missed_while_away_is_told_at_once(self, site: Site, tilleuls: Condo) -> None:
        stream = site.stream(tilleuls)
        heard = first_id(stream)
        stream.close()
        opened = site.break_lift(tilleuls)
        site.read(f"/status/{tilleuls.slug}", opened["position"])

        back = site.stream(tilleuls, **{"Last-Event-ID": str(heard)})
        try:
            began = time.monotonic()
            event = back.next(1.0)
            assert event is not None and time.monotonic() - began < 1.0
            assert event.json()["position"] >= opened["position"]
        finally:
            back.close()

    def test_nothing_is_told_when_nothing_changed(self, site: Site, tilleuls: Condo) -> None:
        opened = site.break_lift(tilleuls)
        stream = site.stream(tilleuls, **{"Last-Event-ID": "0"})
        event = stream.next(5)  # a fresh watcher reads the page first
        stream.close()
        assert event is not None and event.json()["position"] >= opened["position"]

        back = site.stream(tilleuls, **{"Last-Event-ID": str(event.id)})
        try:
            assert int(first_id(back)) == int(event.id or "")
            assert back.next(1.5) is None
        finally:
            back.close()


class TestServe:
    def test_compresses_json_and_the_frontend(self, site: Site, tilleuls: Condo) -> None:
        raw = {"Accept-Encoding": "gzip"}
        page = httpx.get(f"{site.server.url}/api/v1/status/{tilleuls.slug}", headers=raw)
        assert page.headers["content-encoding"] == "gzip"
        assert page.headers["vary"] == "Accept-Encoding"
        index = httpx.get(f"{site.server.url}/", headers=raw)
        assert index.headers["content-encoding"] == "gzip"
        asset = next(Path(site.server.env["COPRO_FRONTEND_DIR"], "assets").glob("*.js"))
        script = httpx.get(f"{site.server.url}/assets/{asset.name}", headers=raw)
        assert script.headers["content-encoding"] == "gzip"
        assert script.content == asset.read_bytes()  # httpx took the gzip off

    def test_keeps_hashed_assets_a_year_and_index_html_never(
        self, site: Site, tilleuls: Condo
    ) -> None:
        asset = next(Path(site.server.env["COPRO_FRONTEND_DIR"], "assets").glob("*.js"))
        kept = httpx.get(f"{site.server.url}/assets/{asset.name}")
        assert kept.headers["cache-control"] == "public, max-age=31536000, immutable"
        for path in ("/", "/index.html", f"/c/{tilleuls.slug}", f"/c/{tilleuls.slug}/report"):
            answer = httpx.get(f"{site.server.url}{path}")
            assert answer.status_code == 200 and answer.text.startswith("<!doctype html>"), path
            assert answer.headers["cache-control"] == "no-cache", path


@pytest.mark.parametrize("store", ["sqlite", "postgres"])
def test_the_server_stops_promptly_with_streams_open(tmp_path: Path, store: str) -> None:
    server, database_url = started(tmp_path, store)
    try:
        site = Site(server)
        condo = site.condo("Les Tilleuls")
        streams = [site.stream(condo) for _ in range(20)]
        for stream in streams:
            first_id(stream)
        took = server.stop()
        assert took < 5, f"stopping took {took:.1f} s"
        assert all(stream.ended(2) for stream in streams)
        log = server.log.read_text()
        assert "Application shutdown complete" in log, log
        assert "Traceback" not in log and "ERROR" not in log, log
        for stream in streams:
            stream.close()
    finally:
        if server.process.poll() is None:
            server.stop()
        if database_url:
            drop_database(database_url)
