"""The rule of the shown status (PRODUCT.md, "Equipment status") and how it is laid through time.

The shown status of a piece of equipment follows from three inputs: the impacts of the open
incidents naming it, the maintenance windows naming it that are in progress, and the status last
set by hand. `shown_status` is the rule at one moment; `status_pieces` lays it over a period as
(since, until, status) pieces, cut where it changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from domain.equipment import worst
from domain.incident import IncidentStatus

OPEN = frozenset({IncidentStatus.INVESTIGATING.value, IncidentStatus.IN_PROGRESS.value})


# -- the rule -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """The status shown for a piece of equipment, and why (`manual`, `incident`, `maintenance`)."""

    status: str
    reason: str
    under_maintenance: bool = False


def shown_status(manual: str, impacts: Iterable[str], in_maintenance: bool) -> Shown:
    """The worst impact of the open incidents naming it; else `maintenance` while a window naming
    it is in progress; else the status set by hand. An outage is never hidden by maintenance."""
    impacts = list(impacts)
    if impacts:
        return Shown(worst(impacts), "incident", in_maintenance)
    if in_maintenance:
        return Shown("maintenance", "maintenance", True)
    return Shown(manual, "manual")


@dataclass(frozen=True)
class Span:
    """An impact, or a window in progress (`maintenance`), from `since` until `until`."""

    since: datetime
    until: datetime | None
    value: str

    def covers(self, moment: datetime) -> bool:
        return self.since <= moment and (self.until is None or moment < self.until)


Piece = tuple[datetime, datetime | None, str]


def status_pieces(
    start: datetime,
    end: datetime | None,
    manual: list[tuple[datetime, str]],
    impacts: list[Span],
    windows: list[Span],
) -> list[Piece]:
    """The shown status from `start` until `end` (None: until further notice), cut where it
    changes; `manual` lists (since, status) in time order, `operational` before the first."""
    if end is not None and start >= end:
        return []
    moments = {start}
    edges = [at for at, _ in manual]
    for span in (*impacts, *windows):
        edges.append(span.since)
        if span.until is not None:
            edges.append(span.until)
    moments.update(t for t in edges if start < t and (end is None or t < end))
    pieces: list[Piece] = []
    for moment in sorted(moments):
        status = shown_status(
            manual_at(manual, moment),
            (s.value for s in impacts if s.covers(moment)),
            any(w.covers(moment) for w in windows),
        ).status
        if pieces and pieces[-1][2] == status:
            continue
        if pieces:
            pieces[-1] = (pieces[-1][0], moment, pieces[-1][2])
        pieces.append((moment, end, status))
    return pieces


def manual_at(manual: list[tuple[datetime, str]], moment: datetime) -> str:
    status = "operational"
    for since, set_to in manual:
        if since > moment:
            break
        status = set_to
    return status


def utc(moment: datetime) -> datetime:
    """The instant in UTC; SQLite hands back the naive UTC it was given."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
