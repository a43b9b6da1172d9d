"""The public status page: each condo's buildings and equipment with their shown status.

The shown status is derived (see `status_rules.shown_status`) from the inputs this
projection keeps in its own `status_*` tables: open incidents' impacts, maintenance windows in
progress and the status set by hand; it is derived again for each piece of equipment whenever
one of its inputs changes. Building and overall status (the worst among active equipment) are
computed when the page is read; incidents and windows themselves are other read models'.

Condos, buildings and equipment keep their aggregate's version, which a client sends back as
`expected_version` with an edit: every event of those aggregates sets it, even one that changes
nothing shown (a building housing equipment).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Column, Integer, MetaData, String, Table, Text, Uuid

from domain.building import Building
from domain.condo import Condo
from domain.equipment import Equipment
from projections.engine import Projection
from projections.rows import Rows
from projections.status_inputs import Change, StatusInputs

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
    Column("version", Integer, nullable=False),
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
    Column("version", Integer, nullable=False),
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
    # Why it shows that status: `manual` (set by hand), `incident` or `maintenance`.
    Column("reason", String(20), nullable=False),
    Column("note", Text),
    Column("retired", Boolean, nullable=False, default=False),
    Column("version", Integer, nullable=False),
)

inputs = StatusInputs(metadata, "status", history=False)

# v4: condos, buildings and equipment carry their aggregate's version.
projection = Projection(name="status_page", version=4, metadata=metadata, cost=3)


@projection.on(Condo.Registered)
def copro_registered(rows: Rows, e: Any) -> None:
    rows.put(
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
            version=e.originator_version,
        ),
    )


@projection.on(Condo.Updated)
def copro_updated(rows: Rows, e: Any) -> None:
    rows.update(copros, e.originator_id, version=e.originator_version, **e.changes)


@projection.on(Condo.Archived)
def copro_archived(rows: Rows, e: Any) -> None:
    rows.update(copros, e.originator_id, archived=True, version=e.originator_version)


@projection.on(Building.Added)
def building_added(rows: Rows, e: Any) -> None:
    rows.put(
        buildings,
        dict(
            id=e.originator_id,
            copro_id=e.copro_id,
            name=e.name,
            description=e.description,
            order=e.order,
            archived=False,
            version=e.originator_version,
        ),
    )


@projection.on(Building.Renamed)
def building_renamed(rows: Rows, e: Any) -> None:
    _update_building(rows, e, name=e.name)


@projection.on(Building.Described)
def building_described(rows: Rows, e: Any) -> None:
    _update_building(rows, e, description=e.description)


@projection.on(Building.Reordered)
def building_reordered(rows: Rows, e: Any) -> None:
    _update_building(rows, e, order=e.order)


@projection.on(Building.Archived)
def building_archived(rows: Rows, e: Any) -> None:
    _update_building(rows, e, archived=True)


@projection.on(Building.EquipmentHoused, Building.EquipmentReleased)
def building_equipment_changed(rows: Rows, e: Any) -> None:
    _update_building(rows, e)


@projection.on(Equipment.Installed)
def equipment_installed(rows: Rows, e: Any) -> None:
    rows.put(
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
            version=e.originator_version,
        ),
    )
    show(rows, inputs.installed(rows, e))


@projection.on(Equipment.Edited)
def equipment_edited(rows: Rows, e: Any) -> None:
    _update_equipment(rows, e, **e.changes)


@projection.on(Equipment.Moved)
def equipment_moved(rows: Rows, e: Any) -> None:
    _update_equipment(rows, e, building_id=e.building_id)


@projection.on(Equipment.StatusSet)
def equipment_status_set(rows: Rows, e: Any) -> None:
    inputs.status_set(rows, e)
    shown = inputs.shown_now(rows, e.originator_id)
    values = dict(status=shown.status, reason=shown.reason)
    _update_equipment(rows, e, manual_status=e.status, note=e.note, **values)


@projection.on(Equipment.Retired)
def equipment_retired(rows: Rows, e: Any) -> None:
    _update_equipment(rows, e, retired=True)
    inputs.retired(rows, e)


def show(rows: Rows, change: Change) -> None:
    """Derives again the status shown for the equipment whose inputs changed."""
    for equipment_id in change.equipment_ids:
        shown = inputs.shown_now(rows, equipment_id)
        rows.update(equipment, equipment_id, status=shown.status, reason=shown.reason)


inputs.follow(projection, show)


def _update_building(rows: Rows, e: Any, **values: Any) -> None:
    rows.update(buildings, e.originator_id, version=e.originator_version, **values)


def _update_equipment(rows: Rows, e: Any, **values: Any) -> None:
    rows.update(equipment, e.originator_id, version=e.originator_version, **values)
