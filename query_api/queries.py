"""The read side's questions, one small function each, over the projections' tables."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import Connection, select

from projections.access import accounts, memberships
from projections.status_page import buildings, copros, equipment


def copro_by_slug(conn: Connection, slug: str) -> dict[str, Any] | None:
    row = conn.execute(select(copros).where(copros.c.slug == slug)).mappings().first()
    return dict(row) if row else None


def copro_by_id(conn: Connection, copro_id: UUID) -> dict[str, Any] | None:
    row = conn.execute(select(copros).where(copros.c.id == copro_id)).mappings().first()
    return dict(row) if row else None


def copros_by_id(conn: Connection, copro_ids: list[UUID]) -> list[dict[str, Any]]:
    """These condos, by name."""
    rows = conn.execute(
        select(copros).where(copros.c.id.in_(copro_ids)).order_by(copros.c.name)
    ).mappings()
    return [dict(r) for r in rows]


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
        "version",
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
