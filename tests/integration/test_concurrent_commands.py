"""Commands meeting at the same moment: only a caller who said which version it read can be told
that someone else changed it since."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any
from uuid import UUID

from domain.application import Condos
from domain.base import Actor
from domain.errors import VersionConflict
from tests.integration.api import Api, condo
from tests.integration.helpers import admin_actor


def a_lift(condos: Condos, admin: Actor) -> tuple[UUID, UUID]:
    copro_id = condos.register_copro(
        admin, name="Les Tilleuls", address="12 rue", postal_code="69003", city="Lyon"
    ).id
    building = condos.add_building(admin, copro_id, name="Bâtiment A")
    lift = condos.install_equipment(
        admin, copro_id, building_id=building.id, name="Ascenseur A1", category="lift"
    )
    return copro_id, lift.id


def race(n: int, command: Callable[[int], Any]) -> list[Any]:
    """Runs `command(i)` in n threads released at once; answers each outcome or exception."""
    barrier = threading.Barrier(n)
    outcomes: list[Any] = [None] * n

    def run(i: int) -> None:
        barrier.wait()
        try:
            outcomes[i] = command(i)
        except Exception as error:  # noqa: BLE001 - the outcome is what is under test
            outcomes[i] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


class TestWithoutExpectedVersion:
    def test_concurrent_status_changes_of_one_lift_all_succeed(self, condos: Condos) -> None:
        admin = admin_actor(condos)
        _, lift = a_lift(condos, admin)
        statuses = ["degraded", "partial_outage", "major_outage", "maintenance"] * 2
        for _ in range(3):
            outcomes = race(
                len(statuses),
                lambda i: condos.set_equipment_status(admin, lift, status=statuses[i]),
            )
            assert [o for o in outcomes if isinstance(o, Exception)] == []
        # Every change was saved, one after the other.
        assert condos.equipment(lift).version == 1 + 3 * len(statuses)

    def test_each_retry_checks_the_rules_again(self, condos: Condos) -> None:
        admin = admin_actor(condos)
        copro_id, lift = a_lift(condos, admin)
        incident = condos.open_incident(
            admin,
            copro_id,
            title="Panne",
            message="L'ascenseur est bloqué",
            impacts=[{"equipment_id": lift, "impact": "major_outage"}],
        ).id
        outcomes = race(
            6,
            lambda i: condos.post_incident_update(
                admin, incident, message="Réparé", status="resolved"
            ),
        )
        # Resolved once; the others, run again, find it resolved and are refused by the rule.
        succeeded = [o for o in outcomes if not isinstance(o, Exception)]
        refused = [o for o in outcomes if isinstance(o, Exception)]
        assert len(succeeded) == 1
        assert {getattr(e, "code", type(e).__name__) for e in refused} == {
            "incident_transition_not_allowed"
        }


class TestWithExpectedVersion:
    def test_of_concurrent_edits_from_one_version_one_wins_the_others_conflict(
        self, condos: Condos
    ) -> None:
        admin = admin_actor(condos)
        copro_id, lift = a_lift(condos, admin)
        incident = condos.open_incident(
            admin,
            copro_id,
            title="Panne",
            message="L'ascenseur est bloqué",
            impacts=[{"equipment_id": lift, "impact": "major_outage"}],
        ).id
        outcomes = race(
            5,
            lambda i: condos.edit_incident(
                admin, incident, {"title": f"Panne n°{i}"}, expected_version=1
            ),
        )
        succeeded = [o for o in outcomes if not isinstance(o, Exception)]
        assert len(succeeded) == 1
        assert all(
            isinstance(o, VersionConflict) and o.current_version == 2
            for o in outcomes
            if isinstance(o, Exception)
        )


class TestOverHttp:
    def test_two_status_changes_at_once_both_answer_200(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        copro_id = condo(api, admin)["id"]
        building = api.command("POST", f"/copros/{copro_id}/buildings", admin, {"name": "A"}, 201)
        lift = api.command(
            "POST",
            f"/copros/{copro_id}/equipment",
            admin,
            {"building_id": building["id"], "name": "Ascenseur A1", "category": "lift"},
            201,
        )["id"]
        for _ in range(5):
            answers = race(
                4,
                lambda i: api.client.put(
                    f"/api/v1/equipment/{lift}/status",
                    json={"status": ["degraded", "major_outage"][i % 2]},
                    headers=admin,
                ),
            )
            assert [a.status_code for a in answers] == [200] * 4, [a.text for a in answers]
