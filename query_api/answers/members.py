"""The condo's members as its managers list them, and the invitations an account has to answer."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from typing_extensions import TypedDict

from query_api.answers.common import AccountStatus, Role, exact


@exact
class Member(TypedDict):
    """An account holding a role in the condo: its status, role and home, and its names and
    email from the people store (none once erased); `granted_at` is when the role as it stands
    was given."""

    account_id: UUID
    role: Role
    status: AccountStatus
    building_id: UUID | None
    lot: str | None
    floor: str | None
    granted_at: datetime
    first_name: str | None
    last_name: str | None
    email: str | None


@exact
class PendingInvitation(TypedDict):
    """An invitation to join a condo, not answered yet: the role and home offered."""

    id: UUID
    copro_id: UUID
    copro_name: str
    role: Role
    building_id: UUID | None
    lot: str | None
    floor: str | None
    sent_at: datetime
