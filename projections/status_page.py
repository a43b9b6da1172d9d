"""The public status page: each condo's buildings and equipment with their shown status.

For now the shown status is the one a manager last set by hand; building and overall status
(the worst among active equipment) are computed when the page is read.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
    update,
)

from domain.building import Building
from domain.condo import Condo
from domain.equipment import Equipment
from projections.engine import Projection, upsert

metadata = MetaData()

copros = Table(
    "status_copros",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("slug", String(60), nullable=False, unique=True),
    Column("address", String(200), nullable=False),
    Column("postal_code", String(20), nullable=False),
    Column("city", String(100), nullable=False),
    Column("country", String(100), nullable=False),
    Column("public_status_page", Boolean, nullable=False),
    Column("archived", Boolean, nullable=False, default=False),
)

buildings = Table(
    "status_buildings",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("copro_id", Uuid, nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("order", Integer, nullable=False, default=0),
    Column("archived", Boolean, nullable=False, default=False),
)

equipment = Table(
    "status_equipment",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("copro_id", Uuid, nullable=False, index=True),
    Column("building_id", Uuid, nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("code", String(40)),
    Column("category", String(20), nullable=False),
    Column("location", String(200)),
    Column("order", Integer, nullable=False, default=0),
    Column("manual_status", String(20), nullable=False),
    Column("status", String(20), nullable=False),
    # Why it shows that status: `manual` (set by hand), later `incident` or `maintenance`.
    Column("reason", String(20), nullable=False),
    Column("note", Text),
    Column("retired", Boolean, nullable=False, default=False),
)

projection = Projection(name="status_page", version=1, metadata=metadata)


@projection.on(Condo.Registered)
def copro_registered(tx: Connection, e: Any) -> None:
    upsert(
        tx,
        copros,
        dict(
            id=e.originator_id,
            name=e.name,
            slug=e.slug,
            address=e.address,
            postal_code=e.postal_code,
            city=e.city,
            country=e.country,
            public_status_page=e.public_status_page,
            archived=False,
        ),
    )


@projection.on(Condo.Updated)
def copro_updated(tx: Connection, e: Any) -> None:
    tx.execute(update(copros).where(copros.c.id == e.originator_id).values(**e.changes))


@projection.on(Condo.Archived)
def copro_archived(tx: Connection, e: Any) -> None:
    tx.execute(update(copros).where(copros.c.id == e.originator_id).values(archived=True))


@projection.on(Building.Added)
def building_added(tx: Connection, e: Any) -> None:
    upsert(
        tx,
        buildings,
        dict(
            id=e.originator_id,
            copro_id=e.copro_id,
            name=e.name,
            description=e.description,
            order=e.order,
            archived=False,
        ),
    )


@projection.on(Building.Renamed)
def building_renamed(tx: Connection, e: Any) -> None:
    _update_building(tx, e, name=e.name)


@projection.on(Building.Described)
def building_described(tx: Connection, e: Any) -> None:
    _update_building(tx, e, description=e.description)


@projection.on(Building.Reordered)
def building_reordered(tx: Connection, e: Any) -> None:
    _update_building(tx, e, order=e.order)


@projection.on(Building.Archived)
def building_archived(tx: Connection, e: Any) -> None:
    _update_building(tx, e, archived=True)


@projection.on(Equipment.Installed)
def equipment_installed(tx: Connection, e: Any) -> None:
    upsert(
        tx,
        equipment,
        dict(
            id=e.originator_id,
            copro_id=e.copro_id,
            building_id=e.building_id,
            name=e.name,
            code=e.code,
            category=e.category,
            location=e.location,
            order=e.order,
            manual_status="operational",
            status="operational",
            reason="manual",
            note=None,
            retired=False,
        ),
    )


@projection.on(Equipment.Edited)
def equipment_edited(tx: Connection, e: Any) -> None:
    _update_equipment(tx, e, **e.changes)


@projection.on(Equipment.Moved)
def equipment_moved(tx: Connection, e: Any) -> None:
    _update_equipment(tx, e, building_id=e.building_id)


@projection.on(Equipment.StatusSet)
def equipment_status_set(tx: Connection, e: Any) -> None:
    _update_equipment(tx, e, manual_status=e.status, status=e.status, reason="manual", note=e.note)


@projection.on(Equipment.Retired)
def equipment_retired(tx: Connection, e: Any) -> None:
    _update_equipment(tx, e, retired=True)


def _update_building(tx: Connection, e: Any, **values: Any) -> None:
    tx.execute(update(buildings).where(buildings.c.id == e.originator_id).values(**values))


def _update_equipment(tx: Connection, e: Any, **values: Any) -> None:
    tx.execute(update(equipment).where(equipment.c.id == e.originator_id).values(**values))
