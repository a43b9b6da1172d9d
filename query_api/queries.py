"""The read side's questions, one small function each, over the projections' tables."""

from __future__ import annotations

from typing import Any, cast
from uuid import UUID

from sqlalchemy import Column, Connection, Table, select

from projections.access import memberships
from projections.status_page import buildings, copros, equipment
from query_api.answers.copros import Building, CondoRole, Copro, Equipment


def columns(table: Table, shape: type) -> list[Column[Any]]:
    """The table's columns a shape answers: a column added to a read table stays out of the
    answers until their shape names it."""
    return [table.c[name] for name in shape.__annotations__]


def copro_by_slug(conn: Connection, slug: str) -> Copro | None:
    row = conn.execute(select(*columns(copros, Copro)).where(copros.c.slug == slug)).first()
    return cast(Copro, row._asdict()) if row else None


def copro_by_id(conn: Connection, copro_id: UUID) -> Copro | None:
    row = conn.execute(select(*columns(copros, Copro)).where(copros.c.id == copro_id)).first()
    return cast(Copro, row._asdict()) if row else None


def copros_by_id(conn: Connection, copro_ids: list[UUID]) -> list[Copro]:
    """These condos, by name."""
    rows = conn.execute(
        select(*columns(copros, Copro)).where(copros.c.id.in_(copro_ids)).order_by(copros.c.name)
    )
    return [cast(Copro, r._asdict()) for r in rows]


def all_copros(conn: Connection) -> list[Copro]:
    """Every condo, by name."""
    rows = conn.execute(select(*columns(copros, Copro)).order_by(copros.c.name))
    return [cast(Copro, r._asdict()) for r in rows]


def list_buildings(conn: Connection, copro_id: UUID) -> list[Building]:
    rows = conn.execute(
        select(*columns(buildings, Building))
        .where(buildings.c.copro_id == copro_id, buildings.c.archived.is_(False))
        .order_by(buildings.c.order, buildings.c.name)
    )
    return [cast(Building, r._asdict()) for r in rows]


def list_equipment(conn: Connection, copro_id: UUID) -> list[Equipment]:
    """The condo's equipment in service, in display order."""
    rows = conn.execute(
        select(*columns(equipment, Equipment))
        .where(equipment.c.copro_id == copro_id, equipment.c.retired.is_(False))
        .order_by(equipment.c.order, equipment.c.name)
    )
    return [cast(Equipment, r._asdict()) for r in rows]


def roles_of(conn: Connection, account_id: UUID) -> list[CondoRole]:
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
    )
    return [cast(CondoRole, r._asdict()) for r in rows]
