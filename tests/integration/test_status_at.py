"""The status page as it was at an instant (`GET /status/{slug}?at=`), replayed from the condo's
events, against what the live page answered at those very moments; on SQLite and PostgreSQL."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.integration.api import Api
from tests.integration.test_read_status import (
    Home,
    appoint,
    home,
    maintain,
    open_incident,
    post_update,
    schedule,
)


def live(api: Api, at: Home, receipt: dict[str, Any]) -> tuple[datetime, Any]:
    """The live page once it reflects the receipt, and an instant just after it was read (no
    command comes between them)."""
    answer = api.read(f"/status/{at.slug}", after=receipt["position"])
    assert answer.status_code == 200, answer.text
    return datetime.now(UTC), answer.json()


def then(
    api: Api, at: Home, instant: datetime | str, who: dict[str, str] | None = None, after: int = 0
) -> Any:
    moment = instant.isoformat() if isinstance(instant, datetime) else instant
    return api.client.get(
        f"/api/v1/status/{at.slug}",
        params={"at": moment},
        headers={**(who or {}), "X-Copro-After": str(after)},
    )


def unknown(api: Api) -> Any:
    return api.client.get("/api/v1/status/no-such-condo")


def names_at(answer: Any) -> bool:
    assert answer.status_code == 422, answer.text
    return {error["field"] for error in answer.json()["detail"]} == {"at"}


@pytest.fixture
def history(api: Api, admin: dict[str, str]) -> tuple[Home, list[tuple[str, datetime, Any]]]:
    """A condo through a maintenance window and an incident overlapping it, with the live page
    as it was answered after each step and the instant it was read."""
    tilleuls = home(api, admin)
    seen: list[tuple[str, datetime, Any]] = []

    def step(name: str, receipt: dict[str, Any]) -> None:
        seen.append((name, *live(api, tilleuls, receipt)))

    by_hand = api.command(
        "PUT", f"/equipment/{tilleuls.light}/status", tilleuls.manager, {"status": "degraded"}
    )
    step("before anything", by_hand)
    window = schedule(api, tilleuls, [tilleuls.lift], timedelta(hours=1), timedelta(hours=2))
    step("window planned", window)
    incident = open_incident(api, tilleuls, {tilleuls.light: "major_outage"})
    step("incident opened", incident)
    step(
        "incident in progress",
        post_update(api, tilleuls, incident["id"], "En cours", "in_progress"),
    )
    step("window started", maintain(api, tilleuls, window["id"], "start"))
    step("incident resolved", post_update(api, tilleuls, incident["id"], "Réparé", "resolved"))
    step("window completed", maintain(api, tilleuls, window["id"], "complete"))
    return tilleuls, seen


class TestThePageAtAnInstant:
    def test_before_during_and_after_an_incident_and_a_window_it_equals_the_live_page_then(
        self, api: Api, history: tuple[Home, list[tuple[str, datetime, Any]]]
    ) -> None:
        tilleuls, seen = history
        last = api.command(
            "PUT", f"/equipment/{tilleuls.lift}/status", tilleuls.manager, {"status": "degraded"}
        )
        for name, instant, answered in seen:
            answer = then(api, tilleuls, instant, after=last["position"])
            assert answer.status_code == 200, (name, answer.text)
            # The whole body, no field left out: what depends on time is computed with "now" at
            # the instant asked for, a moment after the live page was read.
            assert answer.json() == answered, name

    def test_instants_asked_all_at_once_each_answer_their_own_page(
        self, api: Api, history: tuple[Home, list[tuple[str, datetime, Any]]]
    ) -> None:
        tilleuls, seen = history
        with ThreadPoolExecutor(max_workers=4) as pool:
            answers = list(pool.map(lambda s: then(api, tilleuls, s[1]).json(), seen * 2))
        assert answers == [answered for _, _, answered in seen * 2]

    def test_the_steps_show_what_a_visitor_saw_then(
        self, api: Api, history: tuple[Home, list[tuple[str, datetime, Any]]]
    ) -> None:
        tilleuls, seen = history
        pages = {name: then(api, tilleuls, instant).json() for name, instant, _ in seen}
        assert pages["window planned"]["open_incidents"] == []
        assert len(pages["window planned"]["maintenances"]["planned"]) == 1
        [opened] = pages["incident opened"]["open_incidents"]
        assert [t["status"] for t in opened["timeline"]] == ["investigating"]
        both = pages["window started"]
        assert [len(both["open_incidents"]), len(both["maintenances"]["in_progress"])] == [1, 1]
        assert both["overall_status"] == "major_outage"
        assert pages["window completed"]["overall_status"] == "degraded"
        assert pages["window completed"]["open_incidents"] == []
        [recent] = pages["window completed"]["recent_incidents"]
        assert recent["status"] == "resolved"

    def test_an_instant_given_without_offset_is_taken_as_utc(
        self, api: Api, history: tuple[Home, list[tuple[str, datetime, Any]]]
    ) -> None:
        tilleuls, seen = history
        _, instant, answered = seen[2]
        naive = instant.replace(tzinfo=None).isoformat()
        assert then(api, tilleuls, naive).json() == answered


class TestInstantsRefused:
    def test_before_the_condo_existed_it_answers_as_an_unknown_condo(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        before = datetime.now(UTC)
        tilleuls = home(api, admin)
        answer = then(api, tilleuls, before - timedelta(days=1))
        missing = unknown(api)
        assert (answer.status_code, answer.json()) == (404, missing.json())
        assert missing.status_code == 404

    def test_an_instant_in_the_future_is_refused_naming_at(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        tilleuls = home(api, admin)
        assert names_at(then(api, tilleuls, datetime.now(UTC) + timedelta(hours=1)))

    @pytest.mark.parametrize(
        "garbage", ["yesterday", "2026-13-01T00:00:00Z", "0001-01-01T00:00:00Z", "", "1e400"]
    )
    def test_an_unreadable_or_out_of_range_instant_is_refused_naming_at(
        self, api: Api, admin: dict[str, str], garbage: str
    ) -> None:
        tilleuls = home(api, admin)
        assert names_at(then(api, tilleuls, garbage))


class TestAccess:
    def test_a_members_only_page_then_is_for_members_only_as_the_live_page(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        tilleuls = home(api, admin)
        instant = datetime.now(UTC)
        private = api.command(
            "PATCH", f"/copros/{tilleuls.id}", tilleuls.manager, {"public_status_page": False}
        )
        outsider = appoint(
            api, admin, home(api, admin, "Les Cèdres", "c.fr").id, "o@c.fr", "manager"
        )
        for who in (None, outsider):
            live_answer = api.read(f"/status/{tilleuls.slug}", who, after=private["position"])
            answer = then(api, tilleuls, instant, who, after=private["position"])
            assert live_answer.status_code == answer.status_code == 404
            assert answer.json() == unknown(api).json()
        answer = then(api, tilleuls, instant, tilleuls.resident, after=private["position"])
        assert answer.status_code == 200, answer.text
        # The page as it was then: still public at that instant.
        assert answer.json()["copro"]["public_status_page"] is True
        assert "private" in answer.headers["cache-control"]
