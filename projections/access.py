"""Who may read what: accounts' state and their roles per condo, for the query API's checks."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Column, Connection, MetaData, String, Table, Uuid, update

from domain.account import Account
from projections.engine import Projection, upsert

metadata = MetaData()

accounts = Table(
    "access_accounts",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("status", String(16), nullable=False),
    Column("is_admin", Boolean, nullable=False),
    Column("is_operator", Boolean, nullable=False, default=False),
)

memberships = Table(
    "access_memberships",
    metadata,
    Column("account_id", Uuid, primary_key=True),
    Column("copro_id", Uuid, primary_key=True, index=True),
    Column("role", String(16), nullable=False),
    Column("building_id", Uuid),
)

projection = Projection(name="access", version=2, metadata=metadata)


@projection.on(Account.Opened)
def account_opened(tx: Connection, e: Any) -> None:
    upsert(
        tx,
        accounts,
        dict(id=e.originator_id, status=e.status, is_admin=e.is_admin, is_operator=e.is_operator),
    )


@projection.on(Account.RoleGranted)
def role_granted(tx: Connection, e: Any) -> None:
    upsert(
        tx,
        memberships,
        dict(
            account_id=e.originator_id,
            copro_id=e.copro_id,
            role=e.role,
            building_id=e.building_id,
        ),
    )


@projection.on(Account.AdminGranted)
def admin_granted(tx: Connection, e: Any) -> None:
    _update_account(tx, e, is_admin=True)


@projection.on(Account.OperatorGranted)
def operator_granted(tx: Connection, e: Any) -> None:
    _update_account(tx, e, is_operator=True)


@projection.on(Account.Activated)
def activated(tx: Connection, e: Any) -> None:
    _update_account(tx, e, status="active")


@projection.on(Account.Deactivated)
def deactivated(tx: Connection, e: Any) -> None:
    _update_account(tx, e, status="deactivated")


def _update_account(tx: Connection, e: Any, **values: Any) -> None:
    tx.execute(update(accounts).where(accounts.c.id == e.originator_id).values(**values))
