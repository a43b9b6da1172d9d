"""The inputs of the shown status, kept in a projection's own tables: what the status page and
the status intervals are derived from.

An incident and a maintenance window are both a *source*: while it holds (the incident is open,
the window in progress) each piece of equipment it names has a span with its effect (the impact,
or `maintenance`). Statuses set by hand are kept with the moment they were set. Besides that
history, `<prefix>_current` keeps, for each piece of equipment, what holds now (the status set by
hand, the sources holding) and the latest moment any of its inputs changed: the status shown now
is derived from that one row, and a change later than that moment only appends to the history
(see `Change.appended`) — the common case, which needs no query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import (
    JSON,
    BindParameter,
    Boolean,
    Column,
    DateTime,
    MetaData,
    String,
    Table,
    Uuid,
    bindparam,
    func,
    or_,
    select,
    update,
)

from domain.incident import Incident
from domain.maintenance import Maintenance
from projections.engine import Projection
from projections.rows import Rows
from projections.status_rules import OPEN, Shown, Span, shown_status, utc


@dataclass(frozen=True)
class Change:
    """Some equipment's inputs changed from `since` on. For the equipment in `appended`, `since`
    is later than any moment their inputs held before: the change only extends their history."""

    equipment_ids: list[UUID]
    since: datetime
    appended: frozenset[UUID] = frozenset()


Refresh = Callable[[Rows, Change], None]


@dataclass(frozen=True)
class Inputs:
    """What holds at a moment or later: (since, status) set by hand in time order, impacts,
    maintenance windows in progress."""

    manual: list[tuple[datetime, str]]
    impacts: list[Span]
    windows: list[Span]

    def at(self, since: datetime) -> Inputs:
        """Those holding at a later moment `since` or after it."""
        floor = max((at for at, _ in self.manual if at <= since), default=since)
        return Inputs(
            [m for m in self.manual if m[0] >= floor],
            [s for s in self.impacts if s.until is None or s.until > since],
            [w for w in self.windows if w.until is None or w.until > since],
        )


class StatusInputs:
    """What the shown status follows from, in tables named `<prefix>_…` of `metadata`. Each
    method records one event and answers what changed, if anything.

    Without `history`, only what holds now is kept (`current`, `sources`): enough for the status
    page, which shows the present; the lifespans, statuses set by hand and spans are the status
    intervals' to keep.
    """

    def __init__(self, metadata: MetaData, prefix: str, *, history: bool = True) -> None:
        self.history = history
        moment = DateTime(timezone=True)
        # Tables of the history are built either way (free), created only with it.
        past = metadata if history else MetaData()
        self.lifespans = Table(
            f"{prefix}_lifespans",
            past,
            Column("equipment_id", Uuid, primary_key=True),
            Column("copro_id", Uuid, nullable=False, index=True),
            Column("installed_at", moment, nullable=False),
            Column("retired_at", moment),
        )
        self.manual = Table(
            f"{prefix}_manual_statuses",
            past,
            Column("equipment_id", Uuid, primary_key=True),
            Column("since", moment, primary_key=True),
            Column("status", String(20), nullable=False),
        )
        self.sources = Table(
            f"{prefix}_sources",
            metadata,
            Column("id", Uuid, primary_key=True),
            Column("kind", String(20), nullable=False),
            Column("holds", Boolean, nullable=False),
            # [[equipment id, effect], …]: also what a reopened incident brings back.
            Column("effects", JSON, nullable=False),
        )
        self.spans = Table(
            f"{prefix}_spans",
            past,
            Column("source_id", Uuid, primary_key=True),
            Column("equipment_id", Uuid, primary_key=True, index=True),
            Column("since", moment, primary_key=True),
            Column("until", moment),
            Column("kind", String(20), nullable=False),
            Column("effect", String(20), nullable=False),
        )
        self.current = Table(
            f"{prefix}_current",
            metadata,
            Column("equipment_id", Uuid, primary_key=True),
            # The status set by hand that holds now (the latest set), and since when.
            Column("manual", String(20), nullable=False),
            Column("manual_since", moment, nullable=False),
            # The sources holding now: {source id: [kind, effect, since (ISO 8601)]}.
            Column("holding", JSON, nullable=False),
            # The latest moment any of its inputs changed.
            Column("latest", moment, nullable=False),
        )
        self._statements()

    def follow(self, projection: Projection, refresh: Refresh) -> None:
        """Has `projection` record incidents and maintenance windows, then `refresh` what they
        changed. Equipment events stay the projection's own handlers: they do more."""
        recorders: dict[type, Callable[[Rows, Any], Change | None]] = {
            Incident.Opened: self.incident_opened,
            Incident.UpdatePosted: self.incident_update_posted,
            Incident.ImpactsChanged: self.impacts_changed,
            Maintenance.Scheduled: self.window_scheduled,
            Maintenance.Edited: self.window_edited,
            Maintenance.Started: self.window_started,
            Maintenance.Completed: self.window_ended,
            Maintenance.Cancelled: self.window_ended,
        }
        for event_class, record in recorders.items():
            projection.on(event_class)(_then(record, refresh))

    # -- equipment --------------------------------------------------------------------------

    def installed(self, rows: Rows, e: Any) -> Change:
        at = e.timestamp
        if self.history:
            life = dict(equipment_id=e.originator_id, copro_id=e.copro_id, installed_at=at)
            rows.put(self.lifespans, life | dict(retired_at=None))
            manual = dict(equipment_id=e.originator_id, since=at, status="operational")
            rows.put(self.manual, manual)
        current = rows.get(self.current, e.originator_id)
        holding = current["holding"] if current else {}
        latest = max(current["latest"], at) if current else at
        # Nothing held for it before: its history starts here, with nothing to lay again.
        appended = frozenset() if current else frozenset([e.originator_id])
        rows.put(
            self.current,
            dict(
                equipment_id=e.originator_id,
                manual="operational",
                manual_since=at,
                holding=holding,
                latest=latest,
            ),
        )
        return Change([e.originator_id], at, appended)

    def status_set(self, rows: Rows, e: Any) -> Change:
        at = e.timestamp
        if self.history:
            rows.put(self.manual, dict(equipment_id=e.originator_id, since=at, status=e.status))
        current = rows.get(self.current, e.originator_id)
        # Two statuses set at one moment: the later in the log wins, as its row replaces.
        if current is not None and at >= current["manual_since"]:
            rows.update(self.current, e.originator_id, manual=e.status, manual_since=at)
        return self._moved_to(rows, [e.originator_id], at)

    def retired(self, rows: Rows, e: Any) -> Change:
        if self.history:
            rows.update(self.lifespans, e.originator_id, retired_at=e.timestamp)
        self._moved_to(rows, [e.originator_id], e.timestamp)
        return Change([e.originator_id], e.timestamp)

    # -- incidents and maintenance windows --------------------------------------------------

    def incident_opened(self, rows: Rows, e: Any) -> Change | None:
        # A start a little ahead of the clock (the allowed skew) counts from when it was said.
        since = min(utc(e.started_at), e.timestamp)
        self._record(rows, e.originator_id, "incident", impacts_of(e.impacts))
        return self._hold(rows, e.originator_id, True, since)

    def incident_update_posted(self, rows: Rows, e: Any) -> Change | None:
        if e.status is None:
            return None
        return self._hold(rows, e.originator_id, e.status in OPEN, e.timestamp)

    def impacts_changed(self, rows: Rows, e: Any) -> Change | None:
        return self._change_effects(rows, e.originator_id, impacts_of(e.impacts), e.timestamp)

    def window_scheduled(self, rows: Rows, e: Any) -> None:
        self._record(rows, e.originator_id, "maintenance", windowed(e.equipment_ids))

    def window_edited(self, rows: Rows, e: Any) -> Change | None:
        if "equipment_ids" not in e.changes:
            return None
        effects = windowed(e.changes["equipment_ids"])
        return self._change_effects(rows, e.originator_id, effects, e.timestamp)

    def window_started(self, rows: Rows, e: Any) -> Change | None:
        return self._hold(rows, e.originator_id, True, e.timestamp)

    def window_ended(self, rows: Rows, e: Any) -> Change | None:
        return self._hold(rows, e.originator_id, False, e.timestamp)

    def _record(self, rows: Rows, source_id: UUID, kind: str, effects: list[Any]) -> None:
        rows.put(self.sources, dict(id=source_id, kind=kind, holds=False, effects=effects))

    def _hold(self, rows: Rows, source_id: UUID, holds: bool, at: datetime) -> Change | None:
        """The source starts or stops holding at `at`; nothing changes if it already did."""
        source = rows.get(self.sources, source_id)
        if source is None or source["holds"] == holds:
            return None
        rows.update(self.sources, source_id, holds=holds)
        equipment_ids = [UUID(i) for i, _ in source["effects"]]
        for equipment_id, (_, effect) in zip(equipment_ids, source["effects"], strict=True):
            if holds:
                self._open_span(rows, source, equipment_id, effect, at)
            else:
                self._close_span(rows, source_id, equipment_id, at)
        return self._moved_to(rows, equipment_ids, at)

    def _change_effects(
        self, rows: Rows, source_id: UUID, effects: list[list[str]], at: datetime
    ) -> Change | None:
        source = rows.get(self.sources, source_id)
        if source is None:
            return None
        rows.update(self.sources, source_id, effects=effects)
        if not source["holds"]:
            return None
        before, after = dict(source["effects"]), dict(effects)
        touched = sorted(i for i in before.keys() | after.keys() if before.get(i) != after.get(i))
        for equipment_id in touched:
            if equipment_id in before:
                self._close_span(rows, source_id, UUID(equipment_id), at)
            if equipment_id in after:
                self._open_span(rows, source, UUID(equipment_id), after[equipment_id], at)
        return self._moved_to(rows, [UUID(i) for i in touched], at)

    def _open_span(
        self, rows: Rows, source: dict[str, Any], equipment_id: UUID, effect: str, since: datetime
    ) -> None:
        if self.history:
            key = dict(source_id=source["id"], equipment_id=equipment_id)
            span = key | dict(since=since, until=None, kind=source["kind"], effect=effect)
            rows.put(self.spans, span)
        current = rows.get(self.current, equipment_id)
        if current is not None:
            holding = current["holding"] | {
                str(source["id"]): [source["kind"], effect, since.isoformat()]
            }
            rows.update(self.current, equipment_id, holding=holding)

    def _close_span(self, rows: Rows, source_id: UUID, equipment_id: UUID, until: datetime) -> None:
        current = rows.get(self.current, equipment_id)
        held = current["holding"].get(str(source_id)) if current else None
        if (current is None or held is None) and not self.history:
            return
        if current is None or held is None:
            # Equipment never installed here: its spans are found by query (never so far).
            spans = self.spans.c
            rows.execute(
                update(self.spans)
                .where(
                    spans.source_id == source_id,
                    spans.equipment_id == equipment_id,
                    spans.until.is_(None),
                )
                .values(until=until)
            )
            return
        kind, effect, since = held
        if self.history:
            key = dict(source_id=source_id, equipment_id=equipment_id)
            span = key | dict(since=datetime.fromisoformat(since), until=until)
            rows.put(self.spans, span | dict(kind=kind, effect=effect))
        holding = {k: v for k, v in current["holding"].items() if k != str(source_id)}
        rows.update(self.current, equipment_id, holding=holding)

    def _moved_to(self, rows: Rows, equipment_ids: list[UUID], at: datetime) -> Change:
        """Notes that these inputs changed at `at`; answers the change, `appended` for those
        whose inputs all held before it."""
        appended = []
        for equipment_id in equipment_ids:
            current = rows.get(self.current, equipment_id)
            if current is None:
                continue
            if at > current["latest"]:
                appended.append(equipment_id)
                rows.update(self.current, equipment_id, latest=at)
        return Change(equipment_ids, at, frozenset(appended))

    # -- reading them -----------------------------------------------------------------------

    def shown_now(self, rows: Rows, equipment_id: UUID) -> Shown:
        """The status shown once every event so far is applied: from what holds now."""
        current = rows.get(self.current, equipment_id)
        if current is None:
            return shown_status("operational", [], False)
        holding = current["holding"]
        if not holding:  # most of the time: nothing but the status set by hand
            return Shown(current["manual"], "manual")
        return shown_status(
            current["manual"],
            [effect for kind, effect, _ in holding.values() if kind == "incident"],
            any(kind == "maintenance" for kind, _, _ in holding.values()),
        )

    def holding_from(
        self, rows: Rows, equipment_ids: list[UUID], since: datetime
    ) -> dict[UUID, Inputs]:
        """The inputs of some equipment holding at `since` or later: their spans, and the
        statuses set by hand from the one holding then. Two queries for all of them."""
        found = {i: Inputs([], [], []) for i in equipment_ids}
        for r in rows.execute(self._spans_from, {"equipment_ids": equipment_ids, "since": since}):
            span = Span(utc(r.since), utc(r.until) if r.until else None, r.effect)
            held = found[r.equipment_id]
            (held.impacts if r.kind == "incident" else held.windows).append(span)
        for r in rows.execute(self._manual_from, {"equipment_ids": equipment_ids, "since": since}):
            found[r.equipment_id].manual.append((utc(r.since), r.status))
        return found

    def _statements(self) -> None:
        spans, manual = self.spans.c, self.manual.c
        equipment_ids: BindParameter[Any] = bindparam("equipment_ids", expanding=True)
        since = bindparam("since", type_=DateTime(timezone=True))
        self._spans_from = select(self.spans).where(
            spans.equipment_id.in_(equipment_ids),
            or_(spans.until.is_(None), spans.until > since),
        )
        earlier = self.manual.alias("earlier")
        set_then = (
            select(func.max(earlier.c.since))
            .where(earlier.c.equipment_id == manual.equipment_id, earlier.c.since <= since)
            .scalar_subquery()
        )
        # The status holding at `since` and those set after: a range, not the whole past.
        self._manual_from = (
            select(self.manual)
            .where(
                manual.equipment_id.in_(equipment_ids),
                manual.since >= func.coalesce(set_then, since),
            )
            .order_by(manual.equipment_id, manual.since)
        )


def impacts_of(impacts: list[Any]) -> list[list[str]]:
    return [[str(i["equipment_id"]), str(i["impact"])] for i in impacts]


def windowed(equipment_ids: list[Any]) -> list[list[str]]:
    return [[str(i), "maintenance"] for i in equipment_ids]


def _then(record: Callable[[Rows, Any], Change | None], refresh: Refresh) -> Any:
    def handler(rows: Rows, e: Any) -> None:
        change = record(rows, e)
        if change is not None:
            refresh(rows, change)

    return handler
