"""The condo's members, as its managers list them, and the invitations an account has to
answer."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import Connection, func, select

from projections.members import accounts, invitations, roles
from projections.status_page import copros
from projections.status_rules import utc
from query_api.answers.common import AccountStatus, Page, Role
from query_api.answers.members import Member, PendingInvitation
from query_api.views.people import invitee_ids, people_by_id


def list_members(
    conn: Connection,
    copro_id: UUID,
    *,
    roles_held: list[Role],
    statuses: list[AccountStatus],
    limit: int,
    offset: int,
) -> Page[Member]:
    """The accounts holding a role in the condo (of these roles and account statuses, any when
    none), the latest given first, with their names and email read from the people store."""
    where = [roles.c.copro_id == copro_id]
    if roles_held:
        where.append(roles.c.role.in_(roles_held))
    if statuses:
        where.append(accounts.c.status.in_(statuses))
    held = roles.join(accounts, accounts.c.id == roles.c.account_id)
    total = conn.execute(select(func.count()).select_from(held).where(*where)).scalar_one()
    rows = conn.execute(
        select(roles, accounts.c.status)
        .select_from(held)
        .where(*where)
        .order_by(roles.c.granted_at.desc(), roles.c.account_id)
        .limit(limit)
        .offset(offset)
    ).mappings()
    found = [dict(r) for r in rows]
    people = people_by_id(conn, [r["account_id"] for r in found])
    items: list[Member] = []
    for r in found:
        person = people.get(r["account_id"], {})
        items.append(
            {
                "account_id": r["account_id"],
                "role": r["role"],
                "status": r["status"],
                "building_id": r["building_id"],
                "lot": r["lot"],
                "floor": r["floor"],
                "granted_at": utc(r["granted_at"]),
                "first_name": person.get("first_name"),
                "last_name": person.get("last_name"),
                "email": person.get("email"),
            }
        )
    return {"items": items, "total": total}


def pending_invitations(
    conn: Connection, account_id: UUID, limit: int, offset: int
) -> Page[PendingInvitation]:
    """The invitations sent to the account and not answered yet, the latest first, each with
    the name of the condo it is to."""
    invitee = invitations.c.account_id.in_(invitee_ids(conn, account_id))
    return _pending(conn, [invitee], limit, offset)


def condo_invitations(
    conn: Connection, copro_id: UUID, limit: int, offset: int
) -> Page[PendingInvitation]:
    """The invitations the condo sent and nobody answered yet, the latest first: the role and
    home offered only, since the invitation names no email and its invitee stays unknown."""
    return _pending(conn, [invitations.c.copro_id == copro_id], limit, offset)


def _pending(
    conn: Connection, where: list[Any], limit: int, offset: int
) -> Page[PendingInvitation]:
    where = [*where, invitations.c.status == "pending"]
    total = conn.execute(select(func.count()).select_from(invitations).where(*where)).scalar_one()
    rows = conn.execute(
        select(
            invitations.c.id,
            invitations.c.copro_id,
            copros.c.name.label("copro_name"),
            invitations.c.role,
            invitations.c.building_id,
            invitations.c.lot,
            invitations.c.floor,
            invitations.c.sent_at,
        )
        .join(copros, copros.c.id == invitations.c.copro_id)
        .where(*where)
        .order_by(invitations.c.sent_at.desc(), invitations.c.id)
        .limit(limit)
        .offset(offset)
    ).mappings()
    items: list[PendingInvitation] = [
        {
            "id": r["id"],
            "copro_id": r["copro_id"],
            "copro_name": r["copro_name"],
            "role": r["role"],
            "building_id": r["building_id"],
            "lot": r["lot"],
            "floor": r["floor"],
            "sent_at": utc(r["sent_at"]),
        }
        for r in rows
    ]
    return {"items": items, "total": total}
