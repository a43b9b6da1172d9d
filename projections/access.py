"""Who may read what: accounts' state and their roles per condo, for the query API's checks."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Column, MetaData, String, Table, Uuid

from domain.account import Account
from projections.engine import Projection
from projections.rows import Rows

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

# v3: roles change and memberships end by their own events.
projection = Projection(name="access", version=3, metadata=metadata, cost=0.2)


@projection.on(Account.Opened)
def account_opened(rows: Rows, e: Any) -> None:
    # The event carries the whole account: written without reading what was there.
    rows.put(
        accounts,
        dict(id=e.originator_id, status=e.status, is_admin=e.is_admin, is_operator=e.is_operator),
    )


@projection.on(Account.RoleGranted)
def role_granted(rows: Rows, e: Any) -> None:
    # A role granted again in the same condo replaces the one held there.
    rows.put(
        memberships,
        dict(
            account_id=e.originator_id,
            copro_id=e.copro_id,
            role=e.role,
            building_id=e.building_id,
        ),
    )


@projection.on(Account.RoleChanged)
def role_changed(rows: Rows, e: Any) -> None:
    rows.update(memberships, e.originator_id, e.copro_id, role=e.role)


@projection.on(Account.MembershipEnded)
def membership_ended(rows: Rows, e: Any) -> None:
    rows.delete(memberships, e.originator_id, e.copro_id)


@projection.on(Account.AdminGranted)
def admin_granted(rows: Rows, e: Any) -> None:
    _update_account(rows, e, is_admin=True)


@projection.on(Account.OperatorGranted)
def operator_granted(rows: Rows, e: Any) -> None:
    _update_account(rows, e, is_operator=True)


@projection.on(Account.Activated)
def activated(rows: Rows, e: Any) -> None:
    _update_account(rows, e, status="active")


@projection.on(Account.Deactivated)
def deactivated(rows: Rows, e: Any) -> None:
    _update_account(rows, e, status="deactivated")


def _update_account(rows: Rows, e: Any, **values: Any) -> None:
    rows.update(accounts, e.originator_id, **values)
