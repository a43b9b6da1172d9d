"""What the audit commands print and the audit routes answer: a signed head, a verification."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, Field

from copro.audit.chain import Break, Kind, Tally

# A verification answers at most this many breaks (and how many there were in all): a log
# rewritten from its start would otherwise answer one per event.
LISTED_BREAKS = 1000


class SignedHead(BaseModel):
    """The log's head as the platform signed it, for an auditor to keep outside the system.
    The signature is Ed25519 over the UTF-8 text `copro audit head v1`, then `position P`,
    `log_hash H` and `time T` (ISO 8601, UTC), each on its own line ending with a newline."""

    algorithm: Literal["Ed25519"] = "Ed25519"
    position: int = Field(ge=0, description="the last entry of the log (0: an empty log)")
    log_hash: str = Field(pattern="^[0-9a-f]{64}$", description="its log hash, hex")
    time: datetime = Field(description="when the head was signed")
    public_key: str = Field(pattern="^[0-9a-f]{64}$", description="the platform's key, hex")
    signature: str = Field(pattern="^[0-9a-f]{128}$", description="hex")


class ChainBreak(BaseModel):
    """Where a chain breaks: `changed` (the event no longer hashes as chained), `missing` (gone
    from the middle of its stream or of the log), `cut` (gone from the end of its stream, or
    the log no longer reaches a signed head), `reordered` (at another position than it was
    chained at), `added` (no hash: written around Copro's event store)."""

    kind: Kind
    stream: UUID | None
    version: int | None
    position: int | None
    expected: str | None = Field(description="the hash its row holds, hex")
    found: str | None = Field(description="the hash recomputed from what is stored, hex")
    detail: str

    @classmethod
    def of(cls, found: Break) -> ChainBreak:
        return cls(
            kind=found.kind,
            stream=found.stream,
            version=found.version,
            position=found.position,
            expected=found.expected.hex() if found.expected is not None else None,
            found=found.found.hex() if found.found is not None else None,
            detail=found.detail,
        )


class Verification(BaseModel):
    """Whether every chain walked holds; how many events were recomputed, in how many streams,
    and how many log entries were checked; the breaks (the first LISTED_BREAKS of them)."""

    holds: bool
    checked: int = Field(description="events recomputed from their stored bytes")
    streams: int
    log_entries: int = Field(description="entries of the log chain checked (0: not walked)")
    breaks: list[ChainBreak]
    breaks_total: int


def verification(breaks: list[ChainBreak], total: int, tally: Tally) -> Verification:
    return Verification(
        holds=total == 0,
        checked=tally.events,
        streams=tally.streams,
        log_entries=tally.log_entries,
        breaks=breaks,
        breaks_total=total,
    )
