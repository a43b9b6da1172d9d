"""The status page's Atom feed: one entry per incident (open, or resolved within 90 days) and per
maintenance window (in progress, planned within 30 days, or ended within 30 days), each updated
when it last changed in public, so that a feed reader shows the change again.

Written in French, the page's default language; times are UTC, as Atom has them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from feedgen.feed import FeedGenerator
from sqlalchemy import Connection, select

from projections.maintenance_calendar import windows
from projections.status_rules import utc
from query_api.answers.copros import Copro
from query_api.answers.incidents import Incident
from query_api.answers.maintenances import MaintenanceWindow
from query_api.views import incidents, maintenances, status

# How long an ended window stays in the feed.
ENDED_WINDOWS = timedelta(days=30)
# When a feed with nothing in it was last updated: never, as far as anyone can tell.
NEVER = datetime(1970, 1, 1, tzinfo=UTC)

INCIDENT_STATUS = {
    "investigating": "en cours d’analyse",
    "in_progress": "intervention en cours",
    "resolved": "résolu",
    "closed": "clos",
}
WINDOW_STATE = {
    "scheduled": "prévue",
    "in_progress": "en cours",
    "completed": "terminée",
    "cancelled": "annulée",
}


def atom(conn: Connection, copro: Copro, site: str, now: datetime) -> bytes:
    """The feed as bytes, its links under `site` (the public URL, without a trailing slash)."""
    page_url = f"{site}/c/{copro['slug']}"
    opened, resolved = incidents.on_status_page(conn, copro["id"], now - status.RECENT)
    shown = opened + resolved
    current = maintenances.on_status_page(conn, copro["id"], now)
    ended = ended_windows(conn, copro["id"], now - ENDED_WINDOWS)
    listed = current["in_progress"] + current["planned"] + ended
    changed = window_changes(conn, [w["id"] for w in listed])
    entries = [incident_entry(i) for i in shown] + [
        window_entry(w, changed[w["id"]]) for w in listed
    ]
    entries.sort(key=lambda e: (e["updated"], e["id"]), reverse=True)

    fg = FeedGenerator()
    fg.id(f"urn:uuid:{copro['id']}")
    fg.title(f"{copro['name']} — état des équipements")
    fg.subtitle("Incidents et maintenances de la copropriété")
    fg.author({"name": copro["name"]})
    fg.link(href=page_url, rel="alternate", type="text/html")
    fg.link(href=f"{site}/api/v1/status/{copro['slug']}/feed.atom", rel="self")
    fg.language("fr")
    fg.updated(max((e["updated"] for e in entries), default=NEVER))
    for entry in entries:
        fe = fg.add_entry(order="append")
        fe.id(entry["id"])
        fe.title(entry["title"])
        fe.link(href=page_url, rel="alternate", type="text/html")
        fe.updated(entry["updated"])
        if entry["published"] is not None:
            fe.published(entry["published"])
        fe.category(term=entry["kind"])
        fe.content(entry["content"], type="text")
    return fg.atom_str(pretty=False)  # type: ignore[no-any-return]


def incident_entry(incident: Incident) -> dict[str, Any]:
    label = INCIDENT_STATUS.get(incident["status"], incident["status"])
    names = ", ".join(e["name"] or "?" for e in incident["equipment"])
    lines = [incident["message"], f"Équipements : {names}" if names else ""]
    lines += [
        f"{u['at']:%Y-%m-%d %H:%M} UTC — {INCIDENT_STATUS.get(u['status'], u['status'])} : "
        f"{u['message']}"
        for u in incident["timeline"]
    ]
    return {
        "id": f"urn:uuid:{incident['id']}",
        "kind": "incident",
        "title": f"{incident['title']} — {label}",
        "updated": incident["updated_at"],
        "published": incident["started_at"],
        "content": "\n".join(line for line in lines if line),
    }


def window_entry(window: MaintenanceWindow, updated: datetime) -> dict[str, Any]:
    label = WINDOW_STATE.get(window["state"], window["state"])
    names = ", ".join(e["name"] or "?" for e in window["equipment"])
    lines = [
        window["description"],
        f"Prévue du {window['starts_at']:%Y-%m-%d %H:%M} au {window['ends_at']:%Y-%m-%d %H:%M} UTC",
        f"Équipements : {names}" if names else "",
    ]
    return {
        "id": f"urn:uuid:{window['id']}",
        "kind": "maintenance",
        "title": f"Maintenance {label} : {window['title']}",
        "updated": updated,
        "published": None,
        "content": "\n".join(line for line in lines if line),
    }


def ended_windows(conn: Connection, copro_id: UUID, since: datetime) -> list[MaintenanceWindow]:
    """Windows completed or cancelled since `since`, the latest ended first."""
    rows = conn.execute(
        select(windows)
        .where(
            windows.c.copro_id == copro_id,
            windows.c.state.in_(["completed", "cancelled"]),
            windows.c.period_end >= since,
        )
        .order_by(windows.c.period_end.desc(), windows.c.id)
    ).mappings()
    return maintenances.described(conn, list(rows))


def window_changes(conn: Connection, ids: list[UUID]) -> dict[UUID, datetime]:
    """When each window last changed (its plan, its state), which the calendar does not say."""
    rows = conn.execute(select(windows.c.id, windows.c.updated_at).where(windows.c.id.in_(ids)))
    return {window_id: utc(updated_at) for window_id, updated_at in rows}
