"""The write side against real stores: SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from uuid import UUID

import pytest

from domain.account import AlreadyMember
from domain.application import AccountExists, Condos
from domain.base import Actor
from domain.errors import DuplicateName, VersionConflict
from tests.integration.helpers import admin_actor


def a_condo(condos: Condos, admin: Actor) -> UUID:
    return condos.register_copro(
        admin,
        name="Résidence Les Tilleuls",
        address="12 rue des Tilleuls",
        postal_code="69003",
        city="Lyon",
    ).id


class TestSaveAndLoad:
    def test_equipment_comes_back_as_it_was_saved(self, condos: Condos) -> None:
        admin = admin_actor(condos)
        copro_id = a_condo(condos, admin)
        building = condos.add_building(admin, copro_id, name="Bâtiment A")
        installed = condos.install_equipment(
            admin,
            copro_id,
            building_id=building.id,
            name="Ascenseur 1",
            category="lift",
            code="ASC-A-01",
        )
        condos.set_equipment_status(admin, installed.id, status="major_outage", note="bloqué")

        lift = condos.equipment(installed.id)

        assert (lift.name, lift.code, lift.manual_status, lift.status_note) == (
            "Ascenseur 1",
            "ASC-A-01",
            "major_outage",
            "bloqué",
        )
        assert lift.version == 2
        assert condos.building(building.id).equipment_ids == {installed.id}

    def test_every_event_names_its_actor_and_request(self, condos: Condos) -> None:
        admin = admin_actor(condos)
        copro_id = a_condo(condos, Actor(admin.id, "request-0001"))
        first = condos.recorder.select_notifications(start=1, limit=100)
        mapped = [condos.mapper.to_domain_event(n) for n in first]
        registered = [e for e in mapped if e.originator_id == copro_id][0]
        assert (registered.actor, registered.request_id) == (admin.id, "request-0001")

    def test_receipts_carry_increasing_log_positions(self, condos: Condos) -> None:
        admin = admin_actor(condos)
        copro_id = a_condo(condos, admin)
        first = condos.add_building(admin, copro_id, name="A")
        second = condos.add_building(admin, copro_id, name="B")
        assert second.position > first.position
        assert condos.recorder.max_notification_id() == second.position

    def test_a_person_is_kept_beside_the_account_not_in_its_events(self, condos: Condos) -> None:
        admin = admin_actor(condos)
        copro_id = a_condo(condos, admin)
        receipt = condos.appoint_member(
            admin,
            copro_id,
            email="Claire.Martin@Example.org",
            first_name="Claire",
            last_name="Martin",
            role="manager",
            password_hash="argon2-hash",
        )
        person = condos.person(receipt.id)
        assert person is not None and person.email == "claire.martin@example.org"
        states = b"".join(
            n.state for n in condos.recorder.select_notifications(start=1, limit=1000)
        )
        assert b"claire" not in states.lower() and b"argon2-hash" not in states


class TestUniqueness:
    def test_a_building_name_is_refused_twice_whatever_its_case(self, condos: Condos) -> None:
        admin = admin_actor(condos)
        copro_id = a_condo(condos, admin)
        condos.add_building(admin, copro_id, name="Bâtiment A")
        with pytest.raises(DuplicateName):
            condos.add_building(admin, copro_id, name="BÂTIMENT  a")

    def test_two_condos_may_each_have_a_building_a(self, condos: Condos) -> None:
        admin = admin_actor(condos)
        first = a_condo(condos, admin)
        second = condos.register_copro(
            admin, name="Le Parc", address="1 rue", postal_code="75001", city="Paris"
        ).id
        condos.add_building(admin, first, name="Bâtiment A")
        condos.add_building(admin, second, name="Bâtiment A")

    def test_a_retired_equipments_name_can_be_given_again(self, condos: Condos) -> None:
        admin = admin_actor(condos)
        copro_id = a_condo(condos, admin)
        building = condos.add_building(admin, copro_id, name="A")
        old = condos.install_equipment(
            admin,
            copro_id,
            building_id=building.id,
            name="Ascenseur",
            category="lift",
            code="ASC-1",
        )
        condos.retire_equipment(admin, old.id)
        new = condos.install_equipment(
            admin,
            copro_id,
            building_id=building.id,
            name="Ascenseur",
            category="lift",
            code="ASC-1",
        )
        assert new.id != old.id

    def test_of_two_concurrent_adds_of_one_name_exactly_one_wins(self, condos: Condos) -> None:
        admin = admin_actor(condos)
        copro_id = a_condo(condos, admin)
        outcomes = race(8, lambda: condos.add_building(admin, copro_id, name="Bâtiment A"))
        assert sum(1 for o in outcomes if not isinstance(o, Exception)) == 1
        assert all(isinstance(o, DuplicateName) for o in outcomes if isinstance(o, Exception))

    def test_of_concurrent_openings_of_one_email_exactly_one_wins(self, condos: Condos) -> None:
        admin = admin_actor(condos)
        copro_id = a_condo(condos, admin)
        outcomes = race(
            6,
            lambda: condos.appoint_member(
                admin,
                copro_id,
                email="same@example.org",
                first_name="S",
                last_name="M",
                role="resident",
            ),
        )
        # Appointing a member again is refused, so losers either collide on the new account
        # or find it a member already.
        assert any(not isinstance(o, Exception) for o in outcomes)
        assert all(
            isinstance(o, (AccountExists, AlreadyMember, VersionConflict))
            for o in outcomes
            if isinstance(o, Exception)
        )
        account = condos.account(next(o.id for o in outcomes if not isinstance(o, Exception)))
        assert account is not None and account.role_in(copro_id) == "resident"


def race(n: int, command: object) -> list[object]:
    """Runs `command` in n threads released at once; answers each outcome or exception."""
    barrier = threading.Barrier(n)
    outcomes: list[object] = [None] * n

    def run(i: int) -> None:
        barrier.wait()
        try:
            outcomes[i] = command()  # type: ignore[operator]
        except Exception as error:  # noqa: BLE001 - the outcome is what is under test
            outcomes[i] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes
