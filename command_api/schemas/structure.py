"""Request bodies of the condo's structure and its members."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, EmailStr, field_validator

from command_api.schemas.common import (
    Body,
    Code,
    ExpectedVersion,
    Name,
    Order,
    Password,
    Slug,
    long_text,
    text,
)
from domain.account import Role
from domain.equipment import Category, Status


class CoproRegistration(Body):
    name: Annotated[str, text(2, 200)]
    address: Annotated[str, text(1, 200)]
    postal_code: Annotated[str, text(2, 20)]
    city: Annotated[str, text(1, 100)]
    country: Annotated[str, text(2, 100)] = "France"
    slug: Slug | None = None
    public_status_page: bool = True


class CoproChanges(Body):
    name: Annotated[str, text(2, 200)] | None = None
    address: Annotated[str, text(1, 200)] | None = None
    postal_code: Annotated[str, text(2, 20)] | None = None
    city: Annotated[str, text(1, 100)] | None = None
    country: Annotated[str, text(2, 100)] | None = None
    slug: Slug | None = None
    public_status_page: bool | None = None
    expected_version: ExpectedVersion = None


class MemberAppointment(Body):
    email: EmailStr
    first_name: Name
    last_name: Name
    role: Role
    building_id: UUID | None = None
    lot: Annotated[str, text(1, 20)] | None = None
    floor: Annotated[str, text(1, 20)] | None = None
    password: Password | None = None


class BuildingAddition(Body):
    name: Name
    description: Annotated[str, long_text(0, 2000)] = ""
    order: Order = 0


class BuildingChanges(Body):
    name: Name | None = None
    description: Annotated[str, long_text(0, 2000)] | None = None
    order: Order | None = None
    expected_version: ExpectedVersion = None


class EquipmentInstallation(Body):
    building_id: UUID
    name: Name
    category: Category
    code: Code | None = None
    location: Annotated[str, text(1, 200)] | None = None
    order: Order = 0


class EquipmentChanges(Body):
    """Only the fields sent change; `null` clears the code or the location."""

    building_id: UUID | None = None
    name: Name | None = None
    category: Category | None = None
    code: Code | None = None
    location: Annotated[str, text(1, 200)] | None = None
    order: Order | None = None
    expected_version: ExpectedVersion = None

    @field_validator("building_id", "name", "category", "order", mode="before")
    @classmethod
    def _refuse_clearing(cls, value: object) -> object:
        # Defaults are not validated: this sees only what was sent.
        if value is None:
            raise ValueError("cannot be cleared")
        return value

    def changes(self) -> dict[str, object]:
        return self.model_dump(exclude_unset=True, exclude={"expected_version"})


class StatusChange(Body):
    status: Status
    note: Annotated[str, long_text(1, 500)] | None = None


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int
