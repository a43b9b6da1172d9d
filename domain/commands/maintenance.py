"""Commands on maintenance windows: planned by a manager, started and completed on time by the
scheduler (as `system`) or earlier by a manager.

`start_maintenance` and `complete_maintenance` take the version the caller saw, so that a
scheduler acting on a stale view (the window was extended or cancelled meanwhile) is refused
rather than obeyed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from domain.account import Role
from domain.base import Actor
from domain.commands.plumbing import CondosBase, Receipt, check_version, only_changed
from domain.condo import Condo
from domain.maintenance import EDITABLE_FIELDS, Maintenance, in_utc


class MaintenanceCommands(CondosBase):
    def schedule_maintenance(
        self,
        by: Actor,
        copro_id: UUID,
        *,
        title: str,
        equipment_ids: list[UUID],
        starts_at: datetime,
        ends_at: datetime,
        description: str = "",
    ) -> Receipt:
        with self._command(by):
            condo = self._get(Condo, copro_id)
            self._require_role(by, copro_id, Role.MANAGER)
            condo.check_active()
            self._check_in_service(copro_id, equipment_ids, "equipment_ids")
            window = Maintenance(
                copro_id=copro_id,
                title=title,
                description=description,
                equipment_ids=list(equipment_ids),
                starts_at=in_utc(starts_at, "starts_at"),
                ends_at=in_utc(ends_at, "ends_at"),
            )
            return self._save(window)

    def edit_maintenance(
        self,
        by: Actor,
        maintenance_id: UUID,
        changes: dict[str, Any],
        expected_version: int | None = None,
    ) -> Receipt:
        """Changes title, description, equipment_ids, starts_at or ends_at while scheduled."""
        with self._command(by):
            window = self._get(Maintenance, maintenance_id)
            self._require_role(by, window.copro_id, Role.MANAGER)
            check_version(window, expected_version)
            window.check_allowed("edit")
            for name in ("starts_at", "ends_at"):
                if name in changes:
                    changes[name] = in_utc(changes[name], name)
            changes = only_changed(window, changes, EDITABLE_FIELDS)
            if "equipment_ids" in changes:
                added = [e for e in changes["equipment_ids"] if e not in window.equipment_ids]
                self._check_in_service(window.copro_id, added, "equipment_ids")
            if changes:
                window.edit(changes=changes)
            return self._save(window)

    def start_maintenance(
        self, by: Actor, maintenance_id: UUID, expected_version: int | None = None
    ) -> Receipt:
        with self._command(by):
            window = self._get(Maintenance, maintenance_id)
            self._require_role(by, window.copro_id, Role.MANAGER)
            check_version(window, expected_version)
            window.start()
            return self._save(window)

    def extend_maintenance(self, by: Actor, maintenance_id: UUID, *, ends_at: datetime) -> Receipt:
        with self._command(by):
            window = self._get(Maintenance, maintenance_id)
            self._require_role(by, window.copro_id, Role.MANAGER)
            window.extend(ends_at=in_utc(ends_at, "ends_at"))
            return self._save(window)

    def complete_maintenance(
        self, by: Actor, maintenance_id: UUID, expected_version: int | None = None
    ) -> Receipt:
        with self._command(by):
            window = self._get(Maintenance, maintenance_id)
            self._require_role(by, window.copro_id, Role.MANAGER)
            check_version(window, expected_version)
            window.complete()
            return self._save(window)

    def cancel_maintenance(
        self, by: Actor, maintenance_id: UUID, *, reason: str | None = None
    ) -> Receipt:
        with self._command(by):
            window = self._get(Maintenance, maintenance_id)
            self._require_role(by, window.copro_id, Role.MANAGER)
            window.cancel(reason=reason)
            return self._save(window)

    def maintenance(self, maintenance_id: UUID) -> Maintenance:
        return self._get(Maintenance, maintenance_id)
