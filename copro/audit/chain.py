"""The hash chains: how an event's hashes are computed, and the walks that find where they break.

    stream_hash(v) = SHA-256("copro.stream.v1\\0" ‖ stream_hash(v-1) ‖ stream id (16 bytes)
                              ‖ version (8 bytes) ‖ topic's length (4 bytes) ‖ topic ‖ state)
    log_hash(p)    = SHA-256("copro.log.v1\\0" ‖ log_hash(previous entry) ‖ position (8 bytes)
                              ‖ stream_hash(p))

integers big-endian, the first event of a stream and of the log chained to 32 zero bytes. Every
part before the state has a fixed length or says its length, so no two events encode alike.

The walks (`check_log` here, `copro.audit.streams` for the streams) check each link against
the hash *stored* for the entry before, so one rewritten event is one break, not a break at
every event after it; what was rewritten together with its hashes breaks the next link, or the
log chain, or the signed head an auditor kept.
"""

from __future__ import annotations

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
