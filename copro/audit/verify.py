"""The walks verify runs: the whole log, one condo's streams, an earlier signed head.

Which streams belong to a condo is the audit index's knowledge (`audit_events`): the condo's
streams are walked from it, and a stream the index saw further than the store now holds is cut.
The index is read up to the snapshot's head only, so an event committed after the snapshot was
taken is not mistaken for one that is gone.
"""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

from sqlalchemy import Engine, func, select

from copro.audit.chain import Break, Tally, check_log
from copro.audit.head import platform_key, sign_head
from copro.audit.log import EventLog, open_log
from copro.audit.models import LISTED_BREAKS, ChainBreak, SignedHead, Verification, verification
from copro.audit.streams import Seen, check_streams
from copro.settings import Settings
from projections.audit_index import events

STREAM_CHUNK = 500  # streams read together: their events' query names them all


def breaks_of(
    log: EventLog,
    engine: Engine | None,
    copro_id: UUID | None,
    head: SignedHead | None,
    tally: Tally,
) -> Iterator[Break]:
    """The whole log's streams, or the condo's (with the read engine); the log chain, unless
    one condo only is asked for without a head; whether the log still extends the head."""
    if copro_id is None:
        yield from check_streams(log.stored(), log.hashed(), tally)
    else:
        assert engine is not None
        for chunk in streams_of(engine, copro_id, log.head()[0]):
            ids = [UUID(bytes=stream) for stream, _ in chunk]
            yield from check_streams(log.stored(ids), log.hashed(ids), tally, chunk)
    if head is not None:
        yield from since_head(log, head)
    if copro_id is None or head is not None:
        yield from check_log(log.logged(), tally)


def streams_of(engine: Engine, copro_id: UUID, head: int) -> Iterator[list[tuple[bytes, Seen]]]:
    """The condo's streams, a chunk at a time in the order of their ids, each with the last
    version the audit index saw of it up to `head` and that version's position."""
    after: UUID | None = None
    while True:
        query = (
            select(events.c.aggregate_id, func.max(events.c.aggregate_version))
            .add_columns(func.max(events.c.position))
            .where(events.c.copro_id == copro_id, events.c.position <= head)
            .group_by(events.c.aggregate_id)
            .order_by(events.c.aggregate_id)
            .limit(STREAM_CHUNK)
        )
        if after is not None:
            query = query.where(events.c.aggregate_id > after)
        with engine.connect() as conn:
            rows = conn.execute(query).all()
        if not rows:
            return
        yield sorted((stream.bytes, (version, position)) for stream, version, position in rows)
        after = rows[-1][0]


def since_head(log: EventLog, head: SignedHead) -> Iterator[Break]:
    """Whether the log still holds the signed head's entry as it was signed."""
    if head.position == 0:
        return  # the head of an empty log: any log extends it
    expected, found = bytes.fromhex(head.log_hash), log.entry_at(head.position)
    if found == expected:
        return
    yield Break(
        "cut" if found is None else "changed",
        None,
        None,
        head.position,
        expected,
        found,
        (
            "the log no longer reaches the signed head: its entry is gone"
            if found is None
            else "the log no longer extends the signed head: its entry was rewritten (an event "
            "at or before it was changed, moved or removed and the chain computed again)"
        ),
    )


def report(breaks: Iterator[Break], tally: Tally) -> Verification:
    """The verification, once every break is found (the first LISTED_BREAKS kept)."""
    kept: list[ChainBreak] = []
    total = 0
    for found in breaks:
        total += 1
        if len(kept) < LISTED_BREAKS:
            kept.append(ChainBreak.of(found))
    return verification(kept, total, tally)


def verify_condo(settings: Settings, engine: Engine, copro_id: UUID) -> Verification:
    """The condo's stream chains, in the store's current snapshot."""
    tally = Tally()
    with open_log(settings) as log:
        return report(breaks_of(log, engine, copro_id, None, tally), tally)


def signed_head(settings: Settings) -> SignedHead:
    """The log's head now, signed with the platform's key."""
    key = platform_key(settings)
    with open_log(settings) as log:
        position, log_hash = log.head()
    return sign_head(key, position, log_hash)
