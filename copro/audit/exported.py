"""A JSON Lines export verified on its own, without the database.

Each line carries its event as the audit index shows it and, under `chain`, what its stream hash
is computed from: the topic and the state exactly as stored (JSON text), the stream hash of the
version before, the hashes themselves and the position it was chained at. A line is verified by
computing its stream hash again, by decoding its state with Copro's own mapper and comparing what
the line says (type, time, actor, request, data) with the event the state holds, and by checking
that a line follows the line of its stream's version before when the export holds both. The log
hash is carried for comparison with the database or a signed head: the export alone holds only
one condo's entries of the log, so it cannot chain them.

Memory grows with the number of streams in the file (the last hash of each), not of lines.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from copro.audit.chain import Break, Tally, stream_hash
from projections.audit_index import HIDDEN, names_of

# What the line says of its event, and how the event read from its state says it.
SAID = {
    "recorded_at": lambda e: e.timestamp,
    "actor_id": lambda e: e.actor,
    "request_id": lambda e: e.request_id,
    "aggregate_type": lambda e: names_of(e.__class__)[0],
    "event_type": lambda e: names_of(e.__class__)[1],
    "data": lambda e: shown_data(e),
}


@dataclass(frozen=True)
class Line:
    """One line of an export, as far as its stream hash and its claims go."""

    number: int
    stream: UUID
    version: int
    position: int | None
    topic: str
    state: bytes
    previous: bytes
    expected: bytes
    said: dict[str, Any]


def check_export(lines: Iterable[str], tally: Tally) -> Iterator[Break]:
    """Every line that does not verify, named by its stream, version and position."""
    mapper = _mapper()
    heads: dict[UUID, tuple[int, bytes]] = {}
    for number, text in enumerate(lines, 1):
        if not text.strip():
            continue
        try:
            line = parsed(number, text)
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            yield Break("changed", None, None, None, None, None, f"line {number}: {error!r}")
            continue
        tally.events += 1
        before = heads.get(line.stream)
        problem = _problem(mapper, line, before)
        if problem is not None:
            yield Break("changed", line.stream, line.version, line.position, *problem)
        if before is None:
            tally.streams += 1
        heads[line.stream] = (line.version, line.expected)


def parsed(number: int, text: str) -> Line:
    line = json.loads(text)
    chain = line["chain"]
    return Line(
        number=number,
        stream=UUID(line["aggregate_id"]),
        version=int(line["aggregate_version"]),
        position=line.get("position"),
        topic=chain["topic"],
        state=chain["state"].encode(),
        previous=bytes.fromhex(chain["previous_stream_hash"]),
        expected=bytes.fromhex(chain["stream_hash"]),
        said={name: line.get(name) for name in SAID},
    )


def _problem(
    mapper: Any, line: Line, before: tuple[int, bytes] | None
) -> tuple[bytes | None, bytes | None, str] | None:
    """What is wrong with a line, if anything: the hashes expected and found, and why."""
    found = stream_hash(line.previous, line.stream.bytes, line.version, line.topic, line.state)
    if found != line.expected:
        return line.expected, found, f"line {line.number}: its event does not hash as chained"
    said = _unlike(mapper, line)
    if said is not None:
        return None, None, f"line {line.number}: its {said} is not what its hashed event says"
    if before is not None and before[0] == line.version - 1 and before[1] != line.previous:
        return before[1], line.previous, f"line {line.number} does not follow its version before"
    return None


def _unlike(mapper: Any, line: Line) -> str | None:
    """The first field of the line that differs from the event its state holds, if any."""
    from eventsourcing.persistence import StoredEvent

    try:
        event = mapper.to_domain_event(
            StoredEvent(line.stream, line.version, line.topic, line.state)
        )
    except Exception:  # a state or topic that does not decode is one the line made up
        return "state"
    for name, of_event in SAID.items():
        said = line.said[name]
        if name == "recorded_at" and isinstance(said, str):
            said = datetime.fromisoformat(said)
        if said != of_event(event):
            return name
    return None


def shown_data(event: Any) -> Any:
    """The event's data as the audit index shows it (its fields but the hidden ones, values
    that JSON has not written as their text), read back from JSON."""
    fields = {k: v for k, v in vars(event).items() if k not in HIDDEN}
    return json.loads(json.dumps(fields, default=str, ensure_ascii=False))


def _mapper() -> Any:
    """Copro's mapper (its topics, transcodings and upcasters) over no store."""
    from domain.application import Condos

    return Condos(env={"PERSISTENCE_MODULE": "eventsourcing.popo"}).mapper
