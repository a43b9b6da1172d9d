"""The condo's members as its managers list them: each account's status and, per condo, its role
and home there (building, lot, floor). Names and emails stay in the people store: the query
joins them when it reads, they are never copied here.

Invitations are kept apart, for their invitee to list: an invited account is no member until
it accepts, and nothing about it shows to the condo before."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, DateTime, MetaData, String, Table, Uuid

from domain.account import Account, AccountStatus
from domain.invitation import Invitation, InvitationStatus
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

invitations = Table(
    "member_invitations",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("account_id", Uuid, nullable=False, index=True),
    Column("copro_id", Uuid, nullable=False),
    Column("role", String(16), nullable=False),
    Column("building_id", Uuid),
    Column("lot", String(20)),
    Column("floor", String(20)),
    # pending | accepted | declined | cancelled
    Column("status", String(16), nullable=False),
    # When it was sent (or sent again).
    Column("sent_at", DateTime(timezone=True), nullable=False),
)

# v2: roles change and memberships end by their own events; invitations.
projection = Projection(name="members", version=2, metadata=metadata, cost=0.2)


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


@projection.on(Account.RoleChanged)
def role_changed(rows: Rows, e: Any) -> None:
    rows.update(roles, e.originator_id, e.copro_id, role=e.role, granted_at=e.timestamp)


@projection.on(Account.MembershipEnded)
def membership_ended(rows: Rows, e: Any) -> None:
    rows.delete(roles, e.originator_id, e.copro_id)


@projection.on(Account.Activated)
def activated(rows: Rows, e: Any) -> None:
    _set_status(rows, e, AccountStatus.ACTIVE)


@projection.on(Account.Deactivated)
def deactivated(rows: Rows, e: Any) -> None:
    _set_status(rows, e, AccountStatus.DEACTIVATED)


def _set_status(rows: Rows, e: Any, status: AccountStatus) -> None:
    rows.update(accounts, e.originator_id, status=status.value)


@projection.on(Invitation.Sent)
def invitation_sent(rows: Rows, e: Any) -> None:
    rows.put(
        invitations,
        dict(id=e.originator_id, account_id=e.account_id, copro_id=e.copro_id, **_offer(e)),
    )


@projection.on(Invitation.Renewed)
def invitation_renewed(rows: Rows, e: Any) -> None:
    rows.update(invitations, e.originator_id, **_offer(e))


def _offer(e: Any) -> dict[str, Any]:
    """What an invitation offers, waiting for an answer since the event."""
    return dict(
        role=e.role,
        building_id=e.building_id,
        lot=e.lot,
        floor=e.floor,
        status=InvitationStatus.PENDING.value,
        sent_at=e.timestamp,
    )


ANSWERS = {
    Invitation.Accepted: InvitationStatus.ACCEPTED,
    Invitation.Declined: InvitationStatus.DECLINED,
    Invitation.Cancelled: InvitationStatus.CANCELLED,
}


@projection.on(*ANSWERS)
def invitation_answered(rows: Rows, e: Any) -> None:
    rows.update(invitations, e.originator_id, status=ANSWERS[type(e)].value)
