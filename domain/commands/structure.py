"""Commands on the condo's structure: the condo itself, its buildings and equipment."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.account import Role
from domain.base import Actor, CondoAggregate
from domain.building import Building
from domain.commands.plumbing import PLATFORM, CondosBase, Receipt, check_version, only_changed
from domain.condo import EDITABLE_FIELDS as CONDO_FIELDS
from domain.condo import Condo, slugify
from domain.equipment import EDITABLE_FIELDS as EQUIPMENT_FIELDS
from domain.equipment import Equipment
from domain.errors import (
    InvalidValue,
)
from domain.name_claim import NameClaim, claim_id


class StructureCommands(CondosBase):
    # -- condos -------------------------------------------------------------------------

    def register_copro(
        self,
        by: Actor,
        *,
        name: str,
        address: str,
        postal_code: str,
        city: str,
        country: str = "France",
        slug: str | None = None,
        public_status_page: bool = True,
    ) -> Receipt:
        with self._command(by):
            self._require_admin(by)
            slug = slug or slugify(name)
            if not slug:
                raise InvalidValue("slug", "cannot be derived from the name: give one")
            condo = Condo(
                name=name,
                address=address,
                postal_code=postal_code,
                city=city,
                country=country,
                slug=slug,
                public_status_page=public_status_page,
            )
            claim = self._claim(PLATFORM, "slug", slug, condo.id)
            return self._save(condo, claim)

    def update_copro(
        self,
        by: Actor,
        copro_id: UUID,
        changes: dict[str, Any],
        expected_version: int | None = None,
    ) -> Receipt:
        with self._command(by):
            condo = self._get(Condo, copro_id)
            self._require_role(by, copro_id, Role.MANAGER)
            check_version(condo, expected_version)
            changes = only_changed(condo, changes, CONDO_FIELDS)
            touched: list[CondoAggregate] = [condo]
            if "slug" in changes:
                touched += self._move_claim(PLATFORM, "slug", condo.slug, changes["slug"], condo.id)
            if changes:
                condo.update(changes=changes)
            return self._save(*touched)

    def copro(self, copro_id: UUID) -> Condo:
        return self._get(Condo, copro_id)

    # -- buildings ----------------------------------------------------------------------

    def add_building(
        self, by: Actor, copro_id: UUID, *, name: str, description: str = "", order: int = 0
    ) -> Receipt:
        with self._command(by):
            condo = self._get(Condo, copro_id)
            self._require_role(by, copro_id, Role.MANAGER)
            condo.check_active()
            building = Building(copro_id=copro_id, name=name, description=description, order=order)
            claim = self._claim(str(copro_id), "building", name, building.id)
            return self._save(building, claim)

    def update_building(
        self,
        by: Actor,
        building_id: UUID,
        *,
        name: str | None = None,
        description: str | None = None,
        order: int | None = None,
        expected_version: int | None = None,
    ) -> Receipt:
        with self._command(by):
            building = self._get(Building, building_id)
            self._require_role(by, building.copro_id, Role.MANAGER)
            check_version(building, expected_version)
            touched: list[CondoAggregate] = [building]
            if name is not None and name != building.name:
                touched += self._move_claim(
                    str(building.copro_id), "building", building.name, name, building.id
                )
                building.rename(name=name)
            if description is not None and description != building.description:
                building.describe(description=description)
            if order is not None and order != building.order:
                building.reorder(order=order)
            return self._save(*touched)

    def archive_building(self, by: Actor, building_id: UUID) -> Receipt:
        with self._command(by):
            building = self._get(Building, building_id)
            self._require_role(by, building.copro_id, Role.MANAGER)
            building.archive()
            # An archived building's name is free for a new one.
            claim = self._get(
                NameClaim, claim_id(str(building.copro_id), "building", building.name)
            )
            claim.release()
            return self._save(building, claim)

    # -- equipment ----------------------------------------------------------------------

    def install_equipment(
        self,
        by: Actor,
        copro_id: UUID,
        *,
        building_id: UUID,
        name: str,
        category: str,
        code: str | None = None,
        location: str | None = None,
        order: int = 0,
    ) -> Receipt:
        with self._command(by):
            condo = self._get(Condo, copro_id)
            self._require_role(by, copro_id, Role.MANAGER)
            condo.check_active()
            building = self._building_of(copro_id, building_id, field="building_id")
            equipment = Equipment(
                copro_id=copro_id,
                building_id=building_id,
                name=name,
                code=code,
                category=category,
                location=location,
                order=order,
            )
            building.house(equipment_id=equipment.id)
            touched: list[CondoAggregate] = [equipment, building]
            touched.append(self._claim(str(copro_id), "equipment", name, equipment.id))
            if code:
                touched.append(self._claim(str(copro_id), "code", code, equipment.id))
            return self._save(*touched)

    def edit_equipment(
        self,
        by: Actor,
        equipment_id: UUID,
        changes: dict[str, Any],
        expected_version: int | None = None,
    ) -> Receipt:
        """Edits name, code, category, location, order, and moves it with `building_id`."""
        with self._command(by):
            equipment = self._get(Equipment, equipment_id)
            scope = str(equipment.copro_id)
            self._require_role(by, equipment.copro_id, Role.MANAGER)
            check_version(equipment, expected_version)
            equipment.check_in_service()
            new_building_id = changes.pop("building_id", None)
            changes = only_changed(equipment, changes, EQUIPMENT_FIELDS)
            touched: list[CondoAggregate] = [equipment]
            if "name" in changes:
                touched += self._move_claim(
                    scope, "equipment", equipment.name, changes["name"], equipment.id
                )
            if "code" in changes:
                touched += self._move_claim(
                    scope, "code", equipment.code, changes["code"], equipment.id
                )
            if changes:
                equipment.edit(changes=changes)
            if new_building_id is not None and new_building_id != equipment.building_id:
                destination = self._building_of(
                    equipment.copro_id, new_building_id, field="building_id"
                )
                origin = self._get(Building, equipment.building_id)
                origin.release(equipment_id=equipment.id)
                destination.house(equipment_id=equipment.id)
                equipment.move(building_id=new_building_id)
                touched += [origin, destination]
            return self._save(*touched)

    def retire_equipment(self, by: Actor, equipment_id: UUID) -> Receipt:
        with self._command(by):
            equipment = self._get(Equipment, equipment_id)
            scope = str(equipment.copro_id)
            self._require_role(by, equipment.copro_id, Role.MANAGER)
            equipment.retire()
            building = self._get(Building, equipment.building_id)
            building.release(equipment_id=equipment.id)
            # A retired lift's name and code can be given to the one that replaces it.
            touched: list[CondoAggregate] = [equipment, building]
            touched += self._release_claim(scope, "equipment", equipment.name)
            touched += self._release_claim(scope, "code", equipment.code)
            return self._save(*touched)

    def set_equipment_status(
        self, by: Actor, equipment_id: UUID, *, status: str, note: str | None = None
    ) -> Receipt:
        with self._command(by):
            equipment = self._get(Equipment, equipment_id)
            self._require_role(by, equipment.copro_id, Role.MANAGER)
            equipment.set_status(status=status, note=note)
            return self._save(equipment)

    def equipment(self, equipment_id: UUID) -> Equipment:
        return self._get(Equipment, equipment_id)

    def building(self, building_id: UUID) -> Building:
        return self._get(Building, building_id)
