"""The event log's hash chains on SQLite and PostgreSQL: written with every event, they name
what SQL did to the log behind Copro's back; a head signed before catches a rewrite that chained
the log again; a store from before chains is chained when it opens; writers at once keep them
intact."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from eventsourcing.persistence import IntegrityError, StoredEvent
from pydantic import SecretStr

from copro.audit.verify import signed_head
from copro.bootstrap import open_condos
from copro.settings import Settings
from domain.application import Condos
from domain.base import Actor
from domain.commands.plumbing import Contention
from domain.people import Person
from tests.conftest import settings_for
from tests.integration.helpers import admin_actor
from tests.integration.tampering import RawStore, verified

STATUSES = ["degraded", "partial_outage", "major_outage", "operational"]


@dataclass
class Lift:
    """A condo whose lift has five events (installed, then four statuses), and a building
    added after them."""

    admin: Actor
    copro_id: UUID
    id: UUID
    building_id: UUID


def a_lift(condos: Condos) -> Lift:
    admin = admin_actor(condos)
    copro_id = condos.register_copro(
        admin, name="Les Tilleuls", address="1 rue", postal_code="69003", city="Lyon"
    ).id
    building = condos.add_building(admin, copro_id, name="A").id
    lift = condos.install_equipment(
        admin, copro_id, building_id=building, name="Ascenseur", category="lift"
    ).id
    for status in STATUSES:
        condos.set_equipment_status(admin, lift, status=status)
    later = condos.add_building(admin, copro_id, name="B").id
    return Lift(admin, copro_id, lift, later)


@pytest.fixture
def raw(settings: Settings) -> Iterator[RawStore]:
    store = RawStore(settings)
    yield store
    store.close()


def named(settings: Settings) -> list[tuple[str, UUID | None, int | None, int | None]]:
    return [(b.kind, b.stream, b.version, b.position) for b in verified(settings).breaks]


class TestVerify:
    def test_an_untouched_log_holds_every_chain(self, settings: Settings, condos: Condos) -> None:
        a_lift(condos)
        found = verified(settings)
        events = condos.recorder.max_notification_id()
        assert (found.holds, found.checked, found.log_entries) == (True, events, events)

    def test_a_byte_changed_in_a_stored_event_is_named_with_its_stream_version_and_position(
        self, settings: Settings, condos: Condos, raw: RawStore
    ) -> None:
        lift = a_lift(condos)
        raw.flip_a_byte(lift.id, 3, b"partial", b"partiaL")
        assert named(settings) == [("changed", lift.id, 3, raw.position_of(lift.id, 3))]

    def test_an_event_deleted_from_the_middle_of_its_stream_is_named(
        self, settings: Settings, condos: Condos, raw: RawStore
    ) -> None:
        lift = a_lift(condos)
        position = raw.position_of(lift.id, 3)
        raw.delete_event(lift.id, 3)
        assert named(settings) == [("missing", lift.id, 3, position)]

    def test_the_last_event_of_a_stream_deleted_is_named_as_the_streams_cut(
        self, settings: Settings, condos: Condos, raw: RawStore
    ) -> None:
        lift = a_lift(condos)
        position = raw.position_of(lift.id, 5)
        raw.delete_event(lift.id, 5)
        assert named(settings) == [("cut", lift.id, 5, position)]

    def test_an_event_deleted_with_its_hash_breaks_its_stream_and_the_log_after_it(
        self, settings: Settings, condos: Condos, raw: RawStore
    ) -> None:
        lift = a_lift(condos)
        after = raw.position_of(lift.id, 4)
        raw.delete_event(lift.id, 3, with_its_hash=True)
        assert named(settings) == [
            ("missing", lift.id, 3, None),
            ("missing", lift.id, 4, after),
        ]

    def test_the_last_event_of_a_stream_deleted_with_its_hash_breaks_the_log_after_it(
        self, settings: Settings, condos: Condos, raw: RawStore
    ) -> None:
        lift = a_lift(condos)
        after = raw.position_of(lift.building_id, 1)
        raw.delete_event(lift.id, 5, with_its_hash=True)
        assert named(settings) == [("missing", lift.building_id, 1, after)]

    def test_two_events_swapped_in_position_are_named_as_reordered(
        self, settings: Settings, condos: Condos, raw: RawStore
    ) -> None:
        lift = a_lift(condos)
        second, fourth = raw.position_of(lift.id, 2), raw.position_of(lift.id, 4)
        raw.swap_positions((lift.id, 2), (lift.id, 4))
        assert named(settings) == [
            ("reordered", lift.id, 2, fourth),
            ("reordered", lift.id, 4, second),
        ]

    def test_an_event_written_around_the_event_store_is_named_as_added(
        self, settings: Settings, condos: Condos, raw: RawStore
    ) -> None:
        lift = a_lift(condos)
        clause, params = raw.where(lift.id, 5)
        raw.run(
            f"INSERT INTO {raw.events} (originator_id, originator_version, topic, state) "
            f"SELECT originator_id, 6, topic, state FROM {raw.events} WHERE {clause}",
            *params,
        )
        assert named(settings) == [("added", lift.id, 6, raw.position_of(lift.id, 6))]


class TestSinceHead:
    def test_a_head_holds_while_the_log_grows(self, settings: Settings, condos: Condos) -> None:
        lift = a_lift(condos)
        settings.audit_key = SecretStr("11" * 32)
        head = signed_head(settings)
        condos.set_equipment_status(lift.admin, lift.id, status="maintenance")
        assert verified(settings, head).holds

    def test_a_head_saved_before_fails_once_an_older_event_is_rewritten_and_chained_again(
        self, settings: Settings, condos: Condos, raw: RawStore
    ) -> None:
        lift = a_lift(condos)
        settings.audit_key = SecretStr("11" * 32)
        head = signed_head(settings)
        raw.flip_a_byte(lift.id, 3, b"partial", b"partiaL")
        raw.forget_chains()
        open_condos(settings).close()  # chains the rewritten log from its first event
        assert verified(settings).holds  # the chains alone cannot tell
        found = verified(settings, head)
        assert [(b.kind, b.position) for b in found.breaks] == [("changed", head.position)]

    def test_the_end_of_the_log_cut_below_a_saved_head_fails_it(
        self, settings: Settings, condos: Condos, raw: RawStore
    ) -> None:
        a_lift(condos)
        settings.audit_key = SecretStr("11" * 32)
        head = signed_head(settings)
        stream, version = raw.run(
            f"SELECT originator_id, originator_version FROM {raw.events} WHERE {raw.position} = ?",
            head.position,
        )[0]
        raw.delete_event(UUID(str(stream)), version, with_its_hash=True)
        assert verified(settings).holds  # a log that ends sooner: only the head can tell
        found = verified(settings, head)
        assert [(b.kind, b.position) for b in found.breaks] == [("cut", head.position)]


class TestRecording:
    """How the recorder writes the chains: one event chained by the statement that inserts it
    (on PostgreSQL), several at once from what their insert returned."""

    def test_saves_of_one_event_and_of_several_chain_alike(
        self, settings: Settings, condos: Condos
    ) -> None:
        lift = a_lift(condos)
        version = condos.repository.get(lift.id).version
        recorder, stream, other = condos.recorder, lift.id, uuid4()
        several = [event(stream, version + 1), event(other, 1), event(stream, version + 2)]
        positions = recorder.insert_events(several)
        alone = recorder.insert_events([event(other, 2)])

        assert positions is not None and alone is not None
        assert list(positions) == sorted(positions) and alone[0] > positions[-1]
        found = verified(settings)
        assert found.holds, found.breaks
        assert found.checked == found.log_entries == recorder.max_notification_id()

    def test_a_refused_save_writes_nothing_and_the_next_one_is_chained(
        self, settings: Settings, condos: Condos, raw: RawStore
    ) -> None:
        lift = a_lift(condos)
        recorder = condos.recorder
        version = condos.repository.get(lift.id).version
        hashes = raw.run("SELECT count(*) FROM event_hashes")
        newcomer = Person(uuid4(), "nouveau@exemple.fr", "Nina", "Nouvelle")

        for taken in ([event(lift.id, version)], [event(uuid4(), 1), event(lift.id, version)]):
            with pytest.raises(IntegrityError):
                recorder.insert_events(taken, people=[newcomer])  # a version already stored
        assert raw.run("SELECT count(*) FROM event_hashes") == hashes
        assert recorder.select_person(newcomer.id) is None

        assert recorder.insert_events([event(lift.id, version + 1)], people=[newcomer])
        assert recorder.select_person(newcomer.id) == newcomer
        found = verified(settings)
        assert found.holds, found.breaks
        # The refused inserts took positions on PostgreSQL: the log skips them.
        assert found.checked == raw.run(f"SELECT count(*) FROM {raw.events}")[0][0]


def event(stream: UUID, version: int) -> StoredEvent:
    return StoredEvent(stream, version, "tests.recording:Written", f'{{"n": {version}}}'.encode())


class TestUpgrade:
    def test_a_store_written_before_chains_is_chained_when_it_opens(
        self, settings: Settings, condos: Condos, raw: RawStore
    ) -> None:
        a_lift(condos)
        events = condos.recorder.max_notification_id()
        raw.run("DROP TABLE event_hashes")  # as a store written before chains has none
        open_condos(settings).close()
        found = verified(settings)
        assert (found.holds, found.checked, found.log_entries) == (True, events, events)

    def test_opening_a_chained_store_again_changes_no_hash(
        self, settings: Settings, condos: Condos, raw: RawStore
    ) -> None:
        a_lift(condos)
        rows = raw.run("SELECT * FROM event_hashes ORDER BY notification_id")
        open_condos(settings).close()
        assert raw.run("SELECT * FROM event_hashes ORDER BY notification_id") == rows


class TestConcurrentWriters:
    def test_processes_opening_an_old_store_together_chain_it_once(
        self, postgres_url: str, tmp_path: Path
    ) -> None:
        settings = settings_for(tmp_path / "var", postgres_url)
        before = open_condos(settings)
        a_lift(before)
        events = before.recorder.max_notification_id()
        before.close()
        raw = RawStore(settings)
        raw.run("DROP TABLE event_hashes")
        raw.close()
        opened = at_once(8, lambda _: open_condos(settings).close())
        assert opened == 8
        found = verified(settings)
        assert (found.holds, found.checked, found.log_entries) == (True, events, events)

    def test_two_processes_writing_in_turn_to_one_stream_keep_every_chain(
        self, settings: Settings, condos: Condos
    ) -> None:
        lift = a_lift(condos)
        other = open_condos(settings)  # as another process: what each remembers goes stale
        for i, writer in enumerate([condos, other, condos, condos, other, condos] * 3):
            writer.set_equipment_status(lift.admin, lift.id, status=STATUSES[i % 4])
            writer.add_building(lift.admin, lift.copro_id, name=f"C{i}")
        other.close()
        found = verified(settings)
        assert found.holds, found.breaks
        assert found.checked == condos.recorder.max_notification_id()

    def test_writers_at_once_on_postgresql_leave_every_chain_intact(
        self, postgres_url: str, tmp_path: Path
    ) -> None:
        settings = settings_for(tmp_path / "var", postgres_url)
        condos = open_condos(settings)
        lift = a_lift(condos)
        pieces = [
            condos.install_equipment(
                lift.admin,
                lift.copro_id,
                building_id=lift.building_id,
                name=f"L{i}",
                category="water",
            ).id
            for i in range(4)
        ]

        before = condos.recorder.max_notification_id()
        saved: list[int] = []

        def write(worker: int) -> None:
            # Two writers per piece: commands meet and run again, the positions of the
            # inserts they undid skip, and a few give up (503 contention, nothing written).
            for i in range(25):
                status = STATUSES[(worker + i) % len(STATUSES)]
                with contextlib.suppress(Contention):
                    condos.set_equipment_status(lift.admin, pieces[worker % 4], status=status)
                    saved.append(worker)

        assert at_once(8, write) == 8
        found = verified(settings)
        condos.close()
        assert found.holds, found.breaks
        assert found.checked == found.log_entries == before + len(saved)


def at_once(threads: int, work: object) -> int:
    """Runs `work(i)` in that many threads started together; answers how many finished."""
    barrier = threading.Barrier(threads)
    done: list[int] = []

    def run(i: int) -> None:
        barrier.wait()
        work(i)  # type: ignore[operator]
        done.append(i)

    workers = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return len(done)
