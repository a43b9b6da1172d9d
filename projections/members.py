"""The condo's members as its managers list them: each account's status and, per condo, its role
and home there (building, lot, floor). Names and emails stay in the people store: the query
joins them when it reads, they are never copied here."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, DateTime, MetaData, String, Table, Uuid

from domain.account import Account, AccountStatus
from projections.engine import Projection
from projections.rows import Rows

metadata = MetaData()

accounts = Table(
    "member_accounts",
    metadata,
    Column("id", Uuid, primary_key=True),
    # pending | active | deactivated
    Column("status", String(16), nullable=False),
    Column("opened_at", DateTime(timezone=True), nullable=False),
)

roles = Table(
    "member_roles",
    metadata,
    Column("account_id", Uuid, primary_key=True),
    Column("copro_id", Uuid, primary_key=True, index=True),
    Column("role", String(16), nullable=False),
    Column("building_id", Uuid),
    Column("lot", String(20)),
    Column("floor", String(20)),
    # When the role (as it stands) was given.
    Column("granted_at", DateTime(timezone=True), nullable=False),
)

projection = Projection(name="members", version=1, metadata=metadata, cost=0.2)


@projection.on(Account.Opened)
def opened(rows: Rows, e: Any) -> None:
    # The event carries the whole account: written without reading what was there.
    rows.put(accounts, dict(id=e.originator_id, status=e.status, opened_at=e.timestamp))


@projection.on(Account.RoleGranted)
def role_granted(rows: Rows, e: Any) -> None:
    # A role granted again in the same condo replaces the one held there, home and date too.
    rows.put(
        roles,
        dict(
            account_id=e.originator_id,
            copro_id=e.copro_id,
            role=e.role,
            building_id=e.building_id,
            lot=e.lot,
            floor=e.floor,
            granted_at=e.timestamp,
        ),
    )


@projection.on(Account.Activated)
def activated(rows: Rows, e: Any) -> None:
    _set_status(rows, e, AccountStatus.ACTIVE)


@projection.on(Account.Deactivated)
def deactivated(rows: Rows, e: Any) -> None:
    _set_status(rows, e, AccountStatus.DEACTIVATED)


def _set_status(rows: Rows, e: Any, status: AccountStatus) -> None:
    rows.update(accounts, e.originator_id, status=status.value)
