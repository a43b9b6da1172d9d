"""The hash chains: how an event's hashes are computed, and the walks that find where they break.

    stream_hash(v) = SHA-256("copro.stream.v1\\0" ‖ stream_hash(v-1) ‖ stream id (16 bytes)
                              ‖ version (8 bytes) ‖ topic's length (4 bytes) ‖ topic ‖ state)
    log_hash(p)    = SHA-256("copro.log.v1\\0" ‖ log_hash(previous entry) ‖ position (8 bytes)
                              ‖ stream_hash(p))

integers big-endian, the first event of a stream and of the log chained to 32 zero bytes. Every
part before the state has a fixed length or says its length, so no two events encode alike.

The walks check each link against the hash *stored* for the event before, so one rewritten
event is one break, not a break at every event after it; what was rewritten together with its
hashes breaks the next link, or the log chain, or the signed head an auditor kept.
"""

from __future__ import annotations

import itertools
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from hashlib import sha256
from typing import Literal
from uuid import UUID

GENESIS = bytes(32)
STREAM_TAG = b"copro.stream.v1\x00"
LOG_TAG = b"copro.log.v1\x00"
_EVENT = struct.Struct(">16sQI")
_POSITION = struct.Struct(">Q")

Kind = Literal["changed", "missing", "reordered", "cut", "added"]

# (stream id's 16 bytes, version, position, topic, state): an event as stored.
Stored = tuple[bytes, int, int, str, bytes]
# (stream id's 16 bytes, version, position it was chained at, stream hash): its hash row.
Hashed = tuple[bytes, int, int, bytes]
# (position, stream id's 16 bytes, version, stream hash, log hash): a hash row in log order.
Logged = tuple[int, bytes, int, bytes, bytes]


def stream_hash(previous: bytes, stream: bytes, version: int, topic: str, state: bytes) -> bytes:
    named = topic.encode()
    return sha256(
        STREAM_TAG + previous + _EVENT.pack(stream, version, len(named)) + named + state
    ).digest()


def log_hash(previous: bytes, position: int, of_stream: bytes) -> bytes:
    return sha256(LOG_TAG + previous + _POSITION.pack(position) + of_stream).digest()


@dataclass(frozen=True, slots=True)
class Break:
    """Where a chain breaks: what kind of break, the event it names (as far as it is known), the
    hash its row holds (`expected`) and the one recomputed from what is stored (`found`)."""

    kind: Kind
    stream: UUID | None
    version: int | None
    position: int | None
    expected: bytes | None
    found: bytes | None
    detail: str


@dataclass
class Tally:
    """What a walk went through: events recomputed, streams, log entries, the log's last entry."""

    events: int = 0
    streams: int = 0
    log_entries: int = 0
    head_position: int = 0
    head_hash: bytes = GENESIS


# What the audit index saw of a stream: its last version and that version's position.
Seen = tuple[int, int]


def check_streams(
    stored: Iterable[Stored],
    hashed: Iterable[Hashed],
    tally: Tally,
    streams: Iterable[tuple[bytes, Seen]] | None = None,
) -> Iterator[Break]:
    """Every break of the stream chains, given the events and the hash rows, both ordered by
    (stream, version). With `streams` (ordered by stream, with what the audit index saw of
    each), those streams only, and a stream that ends before its last version seen is cut."""
    rows = _merged(iter(stored), iter(hashed))
    groups = itertools.groupby(rows, key=lambda row: row[0])
    if streams is None:
        for stream, group in groups:
            tally.streams += 1
            yield from _check_stream(UUID(bytes=stream), group, tally, None)
        return
    pending = next(groups, None)
    for stream, seen in streams:
        tally.streams += 1
        while pending is not None and pending[0] < stream:
            pending = next(groups, None)  # asked for none but these: never, kept in step anyway
        if pending is not None and pending[0] == stream:
            yield from _check_stream(UUID(bytes=stream), pending[1], tally, seen)
            pending = next(groups, None)
        else:
            yield from _check_stream(UUID(bytes=stream), iter(()), tally, seen)


def _merged(
    stored: Iterator[Stored], hashed: Iterator[Hashed]
) -> Iterator[tuple[bytes, int, Stored | None, Hashed | None]]:
    """The two sorted sequences side by side: (stream, version, event or None, hash or None)."""
    event, row = next(stored, None), next(hashed, None)
    while event is not None or row is not None:
        if row is None or (event is not None and (event[0], event[1]) < (row[0], row[1])):
            assert event is not None
            yield event[0], event[1], event, None
            event = next(stored, None)
        elif event is None or (row[0], row[1]) < (event[0], event[1]):
            yield row[0], row[1], None, row
            row = next(hashed, None)
        else:
            yield row[0], row[1], event, row
            event, row = next(stored, None), next(hashed, None)


@dataclass
class _Gone:
    """A run of events whose hash rows remain but whose events were removed."""

    version: int
    position: int
    expected: bytes
    last: int


def _check_stream(
    stream: UUID,
    rows: Iterator[tuple[bytes, int, Stored | None, Hashed | None]],
    tally: Tally,
    seen: Seen | None,
) -> Iterator[Break]:
    next_version, position = 1, 0
    # The stored hash of the version before (None after a gap: the link cannot be checked).
    previous: bytes | None = GENESIS
    gone: _Gone | None = None
    for _, version, event, row in rows:
        if version > next_version:
            yield from _end_of_run(stream, gone, cut=False)
            gone, previous = None, None
            yield _gap(stream, next_version, version - 1, position)
        if event is None:
            assert row is not None
            if gone is None:
                gone = _Gone(version, row[2], row[3], version)
            gone.last, previous, position = version, row[3], row[2]
        else:
            yield from _end_of_run(stream, gone, cut=False)
            gone = None
            tally.events += 1
            yield from _check_event(stream, event, row, previous)
            previous, position = (row[3] if row is not None else GENESIS), event[2]
        next_version = version + 1
    yield from _end_of_run(stream, gone, cut=True)
    if seen is not None and seen[0] >= next_version:
        yield Break(
            "cut",
            stream,
            next_version,
            seen[1],
            None,
            None,
            f"the stream ends at version {next_version - 1}: versions {next_version} to "
            f"{seen[0]} (the last at position {seen[1]}, as the audit index saw them) are gone "
            "from the events and their hashes",
        )


def _check_event(
    stream: UUID, event: Stored, row: Hashed | None, previous: bytes | None
) -> Iterator[Break]:
    _, version, position, topic, state = event
    if row is None:
        found = stream_hash(previous or GENESIS, event[0], version, topic, state)
        yield Break(
            "added",
            stream,
            version,
            position,
            None,
            found,
            "this event has no hash: it was written around Copro's event store",
        )
        return
    if row[2] != position:
        yield Break(
            "reordered",
            stream,
            version,
            position,
            None,
            None,
            f"chained at position {row[2]}, found at position {position}",
        )
    if previous is None:
        return
    found = stream_hash(previous, event[0], version, topic, state)
    if found != row[3]:
        yield Break(
            "changed",
            stream,
            version,
            position,
            row[3],
            found,
            "the stored event does not hash to the hash it was chained with",
        )


def _end_of_run(stream: UUID, gone: _Gone | None, *, cut: bool) -> Iterator[Break]:
    if gone is None:
        return
    versions = (
        f"version {gone.version} is"
        if gone.last == gone.version
        else f"versions {gone.version} to {gone.last} are"
    )
    where = "the end of the stream" if cut else "the middle of the stream"
    yield Break(
        "cut" if cut else "missing",
        stream,
        gone.version,
        gone.position,
        gone.expected,
        None,
        f"{versions} gone from the events ({where}); their hashes remain",
    )


def _gap(stream: UUID, first: int, last: int, after: int) -> Break:
    versions = f"version {first} is" if first == last else f"versions {first} to {last} are"
    return Break(
        "missing",
        stream,
        first,
        None,
        None,
        None,
        f"{versions} gone from the events and their hashes (after position {after}); "
        "the next event's link is not checked",
    )


def check_log(logged: Iterable[Logged], tally: Tally) -> Iterator[Break]:
    """Every break of the log chain, given the hash rows in position order. A break where the
    positions skip says an entry between was removed; elsewhere one was rewritten or moved."""
    previous, last = GENESIS, 0
    for position, stream, version, of_stream, stored in logged:
        tally.log_entries += 1
        found = log_hash(previous, position, of_stream)
        if found != stored:
            skipped = position > last + 1
            yield Break(
                "missing" if skipped else "changed",
                UUID(bytes=stream),
                version,
                position,
                stored,
                found,
                f"the log chain breaks between positions {last} and {position}: "
                + (
                    "an entry between them was removed"
                    if skipped
                    else "this entry, or the one before, was rewritten or moved"
                ),
            )
        previous, last = stored, position
    tally.head_position, tally.head_hash = last, previous
