"""Condos, their buildings and equipment as their members read them, and the signed-in account."""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from typing_extensions import TypedDict

from query_api.answers.common import (
    AccountStatus,
    EquipmentCategory,
    EquipmentStatus,
    Role,
    exact,
)


@exact
class Copro(TypedDict):
    """A condo: its address, its slug (the public page's address) and whether that page is
    public; `version` for `expected_version`."""

    id: UUID
    name: str
    slug: str
    address: str
    postal_code: str
    city: str
    country: str
    public_status_page: bool
    archived: bool
    version: int


@exact
class Building(TypedDict):
    """A building of the condo, in service (archived ones are not listed)."""

    id: UUID
    copro_id: UUID
    name: str
    description: str
    order: int
    archived: bool
    version: int


@exact
class Equipment(TypedDict):
    """A piece of equipment in service: the status shown for it and why (`reason`), and the
    status and note a manager last set by hand."""

    id: UUID
    copro_id: UUID
    building_id: UUID
    name: str
    code: str | None
    category: EquipmentCategory
    location: str | None
    order: int
    manual_status: EquipmentStatus
    status: EquipmentStatus
    reason: Literal["manual", "incident", "maintenance"]
    note: str | None
    retired: bool
    version: int


@exact
class CondoRole(TypedDict):
    """The role an account holds in one condo."""

    copro_id: UUID
    role: Role
    copro_name: str
    slug: str


@exact
class SignedInAccount(TypedDict):
    """Who is signed in: names and email from the people store (none once erased), status and
    roles per condo, and its platform roles."""

    account_id: UUID
    email: str | None
    first_name: str | None
    last_name: str | None
    status: AccountStatus
    is_admin: bool
    is_operator: bool
    roles: list[CondoRole]
