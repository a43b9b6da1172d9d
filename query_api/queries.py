"""The read side's questions, one small function each, over the projections' tables."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import Connection, func, select

from projections.access import accounts, memberships
from projections.state import projection_state
from projections.status_page import buildings, copros, equipment

SEVERITY = ["operational", "maintenance", "degraded", "partial_outage", "major_outage"]

STATUS_RULE = (
    "The status shown for a piece of equipment is the worst impact among the open incidents "
    "that name it; otherwise 'maintenance' while a maintenance window that names it is in "
    "progress; otherwise the status a manager last set by hand (operational by default). An "
    "outage is never hidden by maintenance. A building's status and the condo's overall "
    "status are the worst among their active equipment; with no equipment, operational."
)


def worst(statuses: list[str]) -> str:
    return max(statuses, key=SEVERITY.index, default="operational")


def read_position(conn: Connection) -> int:
    """The log position every read model has reached: the least advanced one's."""
    return int(
        conn.execute(select(func.coalesce(func.min(projection_state.c.position), 0))).scalar_one()
    )


def copro_by_slug(conn: Connection, slug: str) -> dict[str, Any] | None:
    row = conn.execute(select(copros).where(copros.c.slug == slug)).mappings().first()
    return dict(row) if row else None


def copro_by_id(conn: Connection, copro_id: UUID) -> dict[str, Any] | None:
    row = conn.execute(select(copros).where(copros.c.id == copro_id)).mappings().first()
    return dict(row) if row else None


def status_page(conn: Connection, copro: dict[str, Any]) -> dict[str, Any]:
    """The public page: buildings and their equipment, worst first, with the derived status."""
    pieces = list_equipment(conn, copro["id"])
    by_building: dict[UUID, list[dict[str, Any]]] = {}
    for piece in pieces:
        by_building.setdefault(piece["building_id"], []).append(piece)
    page_buildings = []
    for building in list_buildings(conn, copro["id"]):
        inside = sorted(
            by_building.get(building["id"], []),
            key=lambda p: (-SEVERITY.index(p["status"]), p["order"], p["name"]),
        )
        page_buildings.append(
            {
                "id": building["id"],
                "name": building["name"],
                "description": building["description"],
                "order": building["order"],
                "status": worst([p["status"] for p in inside]),
                "equipment": [
                    {
                        k: p[k]
                        for k in ("id", "name", "code", "category", "location", "status", "reason")
                    }
                    for p in inside
                ],
            }
        )
    page_buildings.sort(key=lambda b: (-SEVERITY.index(b["status"]), b["order"], b["name"]))
    return {
        "copro": public_copro(copro),
        "overall_status": worst([p["status"] for p in pieces]),
        "buildings": page_buildings,
        "open_incidents": [],
        "maintenances": {"in_progress": [], "planned": []},
        "recent_incidents": [],
        "status_rule": STATUS_RULE,
    }


def public_copro(copro: dict[str, Any]) -> dict[str, Any]:
    keys = (
        "id",
        "name",
        "slug",
        "address",
        "postal_code",
        "city",
        "country",
        "public_status_page",
        "archived",
    )
    return {k: copro[k] for k in keys}


def list_buildings(conn: Connection, copro_id: UUID) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(buildings)
        .where(buildings.c.copro_id == copro_id, buildings.c.archived.is_(False))
        .order_by(buildings.c.order, buildings.c.name)
    ).mappings()
    return [dict(r) for r in rows]


def list_equipment(conn: Connection, copro_id: UUID) -> list[dict[str, Any]]:
    """The condo's equipment in service, in display order."""
    rows = conn.execute(
        select(equipment)
        .where(equipment.c.copro_id == copro_id, equipment.c.retired.is_(False))
        .order_by(equipment.c.order, equipment.c.name)
    ).mappings()
    return [dict(r) for r in rows]


def account(conn: Connection, account_id: UUID) -> dict[str, Any] | None:
    row = conn.execute(select(accounts).where(accounts.c.id == account_id)).mappings().first()
    return dict(row) if row else None


def roles_of(conn: Connection, account_id: UUID) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(
            memberships.c.copro_id,
            memberships.c.role,
            copros.c.name.label("copro_name"),
            copros.c.slug,
        )
        .join(copros, copros.c.id == memberships.c.copro_id)
        .where(memberships.c.account_id == account_id)
        .order_by(copros.c.name)
    ).mappings()
    return [dict(r) for r in rows]


def role_in(conn: Connection, account_id: UUID, copro_id: UUID) -> str | None:
    return conn.execute(
        select(memberships.c.role).where(
            memberships.c.account_id == account_id, memberships.c.copro_id == copro_id
        )
    ).scalar_one_or_none()


def all_copros(conn: Connection) -> list[dict[str, Any]]:
    return [
        public_copro(dict(r))
        for r in conn.execute(select(copros).order_by(copros.c.name)).mappings()
    ]
