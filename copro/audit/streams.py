"""The walk of the stream chains: the events and their hash rows side by side, in stream and
version order, each event's stream hash computed again from its stored bytes.

A stream is walked version by version. What is found there:

- an event and its row, at the position it was chained at, whose bytes hash as chained: the
  common case, checked on a short path (a million events are walked in seconds);
- an event that no longer hashes as chained: `changed`;
- an event at another position than it was chained at: `reordered`;
- an event without a row (written around the recorder): `added`;
- rows without their events: `missing`, or `cut` when nothing follows them in the stream;
- versions that neither holds: `missing` (their positions unknown; the next link unchecked);
- with what the audit index saw of the stream, fewer versions than it saw: `cut`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from uuid import UUID

from copro.audit.chain import GENESIS, Break, Hashed, Kind, Stored, Tally, stream_hash

# What the audit index saw of a stream: its last version and that version's position.
Seen = tuple[int, int]
Side = tuple[bytes, int, Stored | None, Hashed | None]


def check_streams(
    stored: Iterable[Stored],
    hashed: Iterable[Hashed],
    tally: Tally,
    streams: Iterable[tuple[bytes, Seen]] = (),
) -> Iterator[Break]:
    """Every break of the stream chains, given the events and the hash rows, both ordered by
    (stream, version). With `streams` (ordered by stream, with what the audit index saw of
    each), those are each walked, the ones that hold nothing at all too."""
    asked = _Asked(streams)
    current: _Stream | None = None
    for key, version, event, row in _merged(iter(stored), iter(hashed)):
        if current is None or key != current.key:
            if current is not None:
                yield from current.finish()
            for stream, seen in asked.before(key):
                yield from _Stream(stream, tally, seen).finish()
            current = _Stream(key, tally, asked.take(key))
        if (
            event is not None
            and row is not None
            and version == current.next_version
            and current.previous is not None
            and current.gone is None
            and row[2] == event[2]
        ):
            tally.events += 1
            found = stream_hash(current.previous, key, version, event[3], event[4])
            if found != row[3]:
                yield current.changed(event, row, found)
            current.previous, current.next_version, current.position = row[3], version + 1, row[2]
        else:
            yield from current.step(version, event, row)
    if current is not None:
        yield from current.finish()
    for stream, seen in asked.before(None):
        yield from _Stream(stream, tally, seen).finish()


def _merged(stored: Iterator[Stored], hashed: Iterator[Hashed]) -> Iterator[Side]:
    """The two sorted sequences side by side: (stream, version, event or None, row or None)."""
    event, row = next(stored, None), next(hashed, None)
    while event is not None or row is not None:
        if row is None or (
            event is not None and (event[0] < row[0] or (event[0] == row[0] and event[1] < row[1]))
        ):
            assert event is not None
            yield event[0], event[1], event, None
            event = next(stored, None)
        elif event is None or event[0] != row[0] or event[1] != row[1]:
            yield row[0], row[1], None, row
            row = next(hashed, None)
        else:
            yield row[0], row[1], event, row
            event, row = next(stored, None), next(hashed, None)


class _Asked:
    """The streams asked for, in order, taken in step with the walk."""

    def __init__(self, streams: Iterable[tuple[bytes, Seen]]) -> None:
        self.rest = iter(streams)
        self.next = next(self.rest, None)

    def before(self, key: bytes | None) -> Iterator[tuple[bytes, Seen]]:
        """Those before `key` (all that are left for None): the walk found nothing of them."""
        while self.next is not None and (key is None or self.next[0] < key):
            yield self.next
            self.next = next(self.rest, None)

    def take(self, key: bytes) -> Seen | None:
        if self.next is None or self.next[0] != key:
            return None
        seen, self.next = self.next[1], next(self.rest, None)
        return seen


@dataclass
class _Gone:
    """A run of events whose hash rows remain but whose events were removed."""

    version: int
    position: int
    expected: bytes
    last: int


class _Stream:
    """Where the walk of one stream stands."""

    __slots__ = ("key", "tally", "seen", "next_version", "position", "previous", "gone")

    def __init__(self, key: bytes, tally: Tally, seen: Seen | None) -> None:
        tally.streams += 1
        self.key, self.tally, self.seen = key, tally, seen
        self.next_version, self.position = 1, 0
        # The stored hash of the version before (None after a gap: the link cannot be checked).
        self.previous: bytes | None = GENESIS
        self.gone: _Gone | None = None

    @property
    def id(self) -> UUID:
        return UUID(bytes=self.key)

    def changed(self, event: Stored, row: Hashed, found: bytes) -> Break:
        detail = "the stored event does not hash to the hash it was chained with"
        return Break("changed", self.id, event[1], event[2], row[3], found, detail)

    def step(self, version: int, event: Stored | None, row: Hashed | None) -> Iterator[Break]:
        """Any row but an event and its row in their places."""
        if version > self.next_version:
            yield from self._end_of_run(cut=False)
            yield self._gap(version - 1)
            self.previous = None
        if event is None:
            assert row is not None
            if self.gone is None:
                self.gone = _Gone(version, row[2], row[3], version)
            self.gone.last, self.previous, self.position = version, row[3], row[2]
        else:
            yield from self._end_of_run(cut=False)
            self.tally.events += 1
            yield from self._check(event, row)
            self.previous, self.position = (row[3] if row is not None else GENESIS), event[2]
        self.next_version = version + 1

    def finish(self) -> Iterator[Break]:
        yield from self._end_of_run(cut=True)
        if self.seen is not None and self.seen[0] >= self.next_version:
            first, (last, position) = self.next_version, self.seen
            yield Break(
                "cut",
                self.id,
                first,
                position,
                None,
                None,
                f"the stream ends at version {first - 1}: versions {first} to {last} (the last "
                f"at position {position}, as the audit index saw them) are gone from the events "
                "and their hashes",
            )

    def _check(self, event: Stored, row: Hashed | None) -> Iterator[Break]:
        _, version, position, topic, state = event
        if row is None:
            found = stream_hash(self.previous or GENESIS, self.key, version, topic, state)
            detail = "this event has no hash: it was written around Copro's event store"
            yield Break("added", self.id, version, position, None, found, detail)
            return
        if row[2] != position:
            detail = f"chained at position {row[2]}, found at position {position}"
            yield Break("reordered", self.id, version, position, None, None, detail)
        if self.previous is not None:
            found = stream_hash(self.previous, self.key, version, topic, state)
            if found != row[3]:
                yield self.changed(event, row, found)

    def _end_of_run(self, *, cut: bool) -> Iterator[Break]:
        gone, self.gone = self.gone, None
        if gone is None:
            return
        versions = (
            f"version {gone.version} is"
            if gone.last == gone.version
            else f"versions {gone.version} to {gone.last} are"
        )
        where = "the end of the stream" if cut else "the middle of the stream"
        detail = f"{versions} gone from the events ({where}); their hashes remain"
        kind: Kind = "cut" if cut else "missing"
        yield Break(kind, self.id, gone.version, gone.position, gone.expected, None, detail)

    def _gap(self, last: int) -> Break:
        first = self.next_version
        versions = f"version {first} is" if first == last else f"versions {first} to {last} are"
        detail = (
            f"{versions} gone from the events and their hashes (after position "
            f"{self.position}); the next event's link is not checked"
        )
        return Break("missing", self.id, first, None, None, None, detail)
