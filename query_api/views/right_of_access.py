"""Everything the platform holds on one person, for the right of access: the rows of the people
store holding their email, then what the read models say of those rows' ids.

Invitations are found by the account's own id and by its email's claim (kept beside its
person): an invitation sent to an email that never opened an account names a claim only the
write side's key can tell the email of, and is not listed.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import Connection, select

from projections import members
from projections.access import accounts
from projections.status_page import copros
from projections.status_rules import utc
from projections.tickets import tickets
from query_api.views.people import people_with_email
from query_api.views.tickets import for_reporter


def held_on(conn: Connection, email: str) -> dict[str, Any]:
    """What is held on the person of this email: each row of the people store holding it (their
    account's, one per anonymous report), their account with its roles in each condo and the
    invitations sent to them, and the tickets they reported with their public timeline. A
    password hash is said to be held, never shown; an unknown email holds nothing."""
    rows = people_with_email(conn, email)
    ids = [r["id"] for r in rows]
    account = _account_among(conn, ids)
    claims = [r["email_claim"] for r in rows if r["email_claim"] is not None]
    # The email asked for is not said again: once erased, an export holds no trace of it.
    return {
        "people": [_person(r, account) for r in rows],
        "account": _account(conn, account, claims) if account else None,
        "tickets": [
            for_reporter(conn, dict(r))
            for r in conn.execute(
                select(tickets)
                .where(tickets.c.reporter_id.in_(ids))
                .order_by(tickets.c.reported_at, tickets.c.id)
            ).mappings()
        ],
    }


def _account_among(conn: Connection, ids: list[UUID]) -> dict[str, Any] | None:
    row = (
        conn.execute(
            select(accounts, members.accounts.c.opened_at)
            .join(members.accounts, members.accounts.c.id == accounts.c.id, isouter=True)
            .where(accounts.c.id.in_(ids))
        )
        .mappings()
        .first()
    )
    return dict(row) if row else None


def _person(row: dict[str, Any], account: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "id": row["id"],
        "kind": "account" if account and row["id"] == account["id"] else "reporter",
        "email": row["email"],
        "first_name": row["first_name"],
        "last_name": row["last_name"],
        "phone": row["phone"],
        "email_claim": row["email_claim"],
        "password_hash_held": row["has_password"],
    }


def _account(conn: Connection, account: dict[str, Any], claims: list[UUID]) -> dict[str, Any]:
    roles = conn.execute(
        select(members.roles, copros.c.name.label("copro_name"))
        .join(copros, copros.c.id == members.roles.c.copro_id, isouter=True)
        .where(members.roles.c.account_id == account["id"])
        .order_by(members.roles.c.granted_at)
    ).mappings()
    invitations = conn.execute(
        select(members.invitations, copros.c.name.label("copro_name"))
        .join(copros, copros.c.id == members.invitations.c.copro_id, isouter=True)
        .where(members.invitations.c.account_id.in_([account["id"], *claims]))
        .order_by(members.invitations.c.sent_at)
    ).mappings()
    return {
        "id": account["id"],
        "status": account["status"],
        "is_admin": account["is_admin"],
        "is_operator": account["is_operator"],
        "opened_at": utc(account["opened_at"]) if account["opened_at"] else None,
        "roles": [{**r, "granted_at": utc(r["granted_at"])} for r in roles],
        "invitations": [
            {**{k: v for k, v in i.items() if k != "account_id"}, "sent_at": utc(i["sent_at"])}
            for i in invitations
        ],
    }
