"""Request bodies of sign-up, password changes, invitations and role changes."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from pydantic import EmailStr

from command_api.schemas.common import Body, Name, Password, text
from domain.account import Role


class SignUp(Body):
    email: EmailStr
    password: Password
    first_name: Name
    last_name: Name
    copro_id: UUID
    building_id: UUID
    lot: Annotated[str, text(1, 20)] | None = None
    floor: Annotated[str, text(1, 20)] | None = None


class PasswordChange(Body):
    current_password: Annotated[str, text(1, 200)]
    new_password: Password


class InvitationSending(Body):
    email: EmailStr
    role: Role
    building_id: UUID | None = None
    lot: Annotated[str, text(1, 20)] | None = None
    floor: Annotated[str, text(1, 20)] | None = None


class RoleChange(Body):
    role: Role
