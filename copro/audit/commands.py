"""What `copro audit head|verify|export` do, for `copro.cli` to call: each answers its exit
status (0 all holds, 1 a break or a refused head, 2 a configuration or usage error) and writes
plain lines (a detail may hold brackets that rich would read as markup)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from uuid import UUID

from pydantic import ValidationError
from sqlalchemy import Engine

from copro.audit.chain import Break, Tally
from copro.audit.head import AuditKeyMissing, HeadRefused, check_head, platform_key
from copro.audit.log import ChainsMissing, open_log
from copro.audit.models import SignedHead
from copro.audit.verify import breaks_of, signed_head
from copro.settings import Settings

Say = Callable[[str], None]


def print_head(settings: Settings, say: Say) -> int:
    try:
        head = signed_head(settings)
    except (AuditKeyMissing, ChainsMissing) as error:
        say(f"configuration error: {error}")
        return 2
    say(head.model_dump_json(indent=2))
    return 0


def verify(
    settings: Settings, copro_id: UUID | None, head_file: Path | None, export: Path | None, say: Say
) -> int:
    if export is not None:
        if copro_id is not None or head_file is not None:
            say("--file verifies an export on its own: give it without --condo or --since-head")
            return 2
        return verify_export(export, say)
    try:
        head = _head(settings, head_file)
        with open_log(settings) as log:
            tally = Tally()
            engine = None
            if copro_id is not None:
                engine = _engine(settings)
                if not _known(engine, copro_id):
                    say(f"no condo {copro_id} in the audit index")
                    return 2
            found = told(breaks_of(log, engine, copro_id, head, tally), say)
    except (AuditKeyMissing, ChainsMissing) as error:
        say(f"configuration error: {error}")
        return 2
    except HeadRefused as refused:
        say(f"head refused: {refused}")
        return 1
    if head is not None and not found:
        say(f"the log extends the signed head of position {head.position} ({head.time})")
    say(summary(found, tally))
    return 1 if found else 0


def verify_export(path: Path, say: Say) -> int:
    from copro.audit.exported import check_export

    tally = Tally()
    try:
        with path.open(encoding="utf-8") as lines:
            found = told(check_export(lines, tally), say)
    except (OSError, UnicodeDecodeError) as error:
        say(f"cannot read {path}: {error}")
        return 2
    say(summary(found, tally, log=False))
    return 1 if found else 0


def export(settings: Settings, copro_id: UUID, out: Path, say: Say) -> int:
    from query_api.views.audit import AuditFilter, export_lines

    engine = _engine(settings)
    if not _known(engine, copro_id):
        say(f"no condo {copro_id} in the audit index")
        return 2
    count = 0
    with out.open("w", encoding="utf-8") as file:
        for line in export_lines(engine, copro_id, AuditFilter()):
            file.write(line)
            count += 1
    say(f"{count:,} events of condo {copro_id} written to {out}, with their hashes")
    return 0


def told(breaks: Iterator[Break], say: Say) -> int:
    """Says each break as it is found (none is kept), and answers how many there were."""
    count = 0
    for found in breaks:
        count += 1
        where = " ".join(
            f"{name} {value}"
            for name, value in (
                ("stream", found.stream),
                ("version", found.version),
                ("position", found.position),
            )
            if value is not None
        )
        hashes = "".join(
            f", {name} {value.hex()}"
            for name, value in (("expected", found.expected), ("found", found.found))
            if value is not None
        )
        say(f"{found.kind:<9} {where}{hashes}: {found.detail}")
    return count


def summary(found: int, tally: Tally, *, log: bool = True) -> str:
    checked = f"{tally.events:,} events checked in {tally.streams:,} streams"
    if log and tally.log_entries:
        checked += f", {tally.log_entries:,} log entries up to position {tally.head_position}"
    return f"all chains hold: {checked}" if not found else f"{found:,} breaks found: {checked}"


def _head(settings: Settings, path: Path | None) -> SignedHead | None:
    """The signed head kept before, refused unless this platform's key signed it as it reads."""
    if path is None:
        return None
    try:
        head = SignedHead.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValidationError) as error:
        raise HeadRefused(f"{path} is not a signed head: {error}") from None
    check_head(head, platform_key(settings).public_key())
    return head


def _engine(settings: Settings) -> Engine:
    from copro.read_store import read_tables

    return read_tables(settings)


def _known(engine: Engine, copro_id: UUID) -> bool:
    """Whether the audit index holds events of this condo: what is exported and verified is
    read there, whatever another read model (the status page's) knows of the condo."""
    from sqlalchemy import select

    from projections.audit_index import events

    with engine.connect() as conn:
        held = select(events.c.copro_id).where(events.c.copro_id == copro_id).limit(1)
        return conn.execute(held).first() is not None
