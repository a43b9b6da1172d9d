"""The condo's write side: every command is get → check who asks → call → save.

Each command method takes the `Actor` asking for it first, then ids and plain values, and
answers a `Receipt` carrying the position of its last event in the log, so that a reader can
wait until the read models have caught up with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar, cast
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import IntegrityError, Recording

from domain.account import Account, AccountStatus, Role, account_id_for, normalise_email
from domain.base import Actor, CondoAggregate, acting_as
from domain.building import Building
from domain.condo import EDITABLE_FIELDS as CONDO_FIELDS
from domain.condo import Condo, slugify
from domain.equipment import EDITABLE_FIELDS as EQUIPMENT_FIELDS
from domain.equipment import Equipment
from domain.errors import (
    DomainError,
    Forbidden,
    InvalidValue,
    NotAuthenticated,
    NotFound,
    RuleBroken,
    VersionConflict,
)
from domain.name_claim import NameClaim, claim_id, duplicate
from domain.people import PeopleStore, Person

A = TypeVar("A", bound=CondoAggregate)

PLATFORM = "platform"


@dataclass(frozen=True)
class Receipt:
    """What every command answers: the aggregate it touched and where its events landed."""

    id: UUID
    version: int
    position: int


class Condos(Application):
    """The event-sourced write side of every condo on the platform."""

    name = "copro"  # the events table is `copro_events`, its NOTIFY channel the same

    def __init__(self, env: dict[str, str] | None = None) -> None:
        super().__init__(env)
        self._saved_listeners: list[Callable[[int], None]] = []

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

    # -- accounts and members -----------------------------------------------------------

    def open_admin_account(
        self, by: Actor, *, email: str, first_name: str, last_name: str, password_hash: str
    ) -> Receipt:
        """Creates a platform admin, or makes an existing account one; running it again with
        the same email leaves one active admin whose password is the one last given."""
        with self._command(by):
            if not by.is_system:
                raise Forbidden("platform admins are created from the command line")
            person = Person(
                id=account_id_for(email),
                email=normalise_email(email),
                first_name=first_name,
                last_name=last_name,
                password_hash=password_hash,
            )
            account = self._find(Account, person.id)
            if account is None:
                account = Account(id=person.id, status=AccountStatus.ACTIVE, is_admin=True)
            else:
                if not account.is_admin:
                    account.grant_admin()
                if account.status != AccountStatus.ACTIVE:
                    account.activate()
            return self._save(account, people=[person])

    def appoint_member(
        self,
        by: Actor,
        copro_id: UUID,
        *,
        email: str,
        first_name: str,
        last_name: str,
        role: str,
        building_id: UUID | None = None,
        lot: str | None = None,
        floor: str | None = None,
        password_hash: str | None = None,
    ) -> Receipt:
        """Gives a person a role in this condo, opening their (active) account if needed.
        An existing account keeps its personal data and password: a manager cannot take
        over someone's account by appointing them."""
        with self._command(by):
            self._require_role(by, copro_id, Role.MANAGER)
            self._get(Condo, copro_id).check_active()
            if building_id is not None:
                self._building_of(copro_id, building_id, field="building_id")
            account_id = account_id_for(email)
            account = self._find(Account, account_id)
            people: list[Person] = []
            if account is None:
                account = Account(id=account_id, status=AccountStatus.ACTIVE, is_admin=False)
                people.append(
                    Person(
                        id=account_id,
                        email=normalise_email(email),
                        first_name=first_name,
                        last_name=last_name,
                        password_hash=password_hash,
                    )
                )
            account.grant_role(
                copro_id=copro_id, role=role, building_id=building_id, lot=lot, floor=floor
            )
            return self._save(account, people=people)

    def account(self, account_id: UUID) -> Account | None:
        return self._find(Account, account_id)

    def person(self, person_id: UUID) -> Person | None:
        return cast(PeopleStore, self.recorder).select_person(person_id)

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

    # -- notifications to in-process readers ----------------------------------------------

    def on_saved(self, listener: Callable[[int], None]) -> None:
        """Calls `listener(position)` after each save: wakes an in-process projector."""
        self._saved_listeners.append(listener)

    def _notify(self, recordings: list[Recording[Any]]) -> None:
        if recordings:
            position = max(r.notification.id for r in recordings)
            for listener in self._saved_listeners:
                listener(position)

    # -- the plumbing every command shares --------------------------------------------------

    @contextmanager
    def _command(self, by: Actor) -> Iterator[None]:
        with acting_as(by):
            yield

    def _find(self, cls: type[A], aggregate_id: UUID) -> A | None:
        try:
            aggregate = self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            return None
        return aggregate if isinstance(aggregate, cls) else None

    def _get(self, cls: type[A], aggregate_id: UUID) -> A:
        aggregate = self._find(cls, aggregate_id)
        if aggregate is None:
            raise NotFound(f"no such {what(cls)}")
        return aggregate

    def _building_of(self, copro_id: UUID, building_id: UUID, *, field: str) -> Building:
        building = self._find(Building, building_id)
        if building is None or building.copro_id != copro_id:
            raise InvalidValue(field, "no such building in this condo")
        building.check_not_archived()
        return building

    def _signed_in(self, by: Actor) -> Account:
        if by.is_anonymous:
            raise NotAuthenticated("sign in first")
        account = self._find(Account, UUID(by.id))
        if account is None or not account.can_log_in:
            raise NotAuthenticated("this account cannot act")
        return account

    def _require_admin(self, by: Actor) -> None:
        if by.is_system:
            return
        if not self._signed_in(by).is_admin:
            raise Forbidden("only a platform admin can do this")

    def _require_role(self, by: Actor, copro_id: UUID, *roles: Role) -> None:
        """A caller with no role in the condo learns nothing of it: not found, not forbidden."""
        if by.is_system:
            return
        account = self._signed_in(by)
        if account.is_admin:
            return
        role = account.role_in(copro_id)
        if role is None:
            raise NotFound("no such condo")
        if role not in roles:
            raise Forbidden(f"this needs the role: {', '.join(roles)}")

    def _claim(self, scope: str, kind: str, name: str, holder_id: UUID) -> NameClaim:
        claim = self._find(NameClaim, claim_id(scope, kind, name))
        if claim is None:
            return NameClaim(
                id=claim_id(scope, kind, name),
                scope=scope,
                kind=kind,
                name=name,
                holder_id=holder_id,
            )
        claim.reclaim(name=name, holder_id=holder_id)
        return claim

    def _release_claim(self, scope: str, kind: str, name: str | None) -> list[NameClaim]:
        claim = self._find(NameClaim, claim_id(scope, kind, name)) if name else None
        if claim is None:
            return []
        claim.release()
        return [claim]

    def _move_claim(
        self, scope: str, kind: str, old: str | None, new: str | None, holder_id: UUID
    ) -> list[NameClaim]:
        """Claims the new name and frees the old one; a change of case keeps one claim."""
        old_id = claim_id(scope, kind, old) if old else None
        new_id = claim_id(scope, kind, new) if new else None
        if old_id == new_id:
            return []
        moved = self._release_claim(scope, kind, old)
        if new:
            moved.append(self._claim(scope, kind, new, holder_id))
        return moved

    def _save(self, *aggregates: CondoAggregate, people: list[Person] | None = None) -> Receipt:
        created = {
            a.id for a in aggregates if a.pending_events and a.version == len(a.pending_events)
        }
        try:
            recordings = self.save(*aggregates, people=people or [])
        except IntegrityError:
            raise self._explain_collision(aggregates, created) from None
        first = aggregates[0]
        position = (
            max(r.notification.id for r in recordings)
            if recordings
            else self.recorder.max_notification_id() or 0
        )
        return Receipt(id=first.id, version=first.version, position=position)

    def _explain_collision(
        self, aggregates: tuple[CondoAggregate, ...], created: set[UUID]
    ) -> DomainError:
        """Someone saved first: say which rule their write now enforces on ours."""
        for aggregate in aggregates:
            if isinstance(aggregate, NameClaim):
                current = self._find(NameClaim, aggregate.id)
                if current is not None and current.holder_id not in (None, aggregate.holder_id):
                    return duplicate(aggregate.kind, aggregate.name)
            if isinstance(aggregate, Account) and aggregate.id in created:
                return AccountExists("an account with this email already exists")
        first = aggregates[0]
        current = self._find(type(first), first.id)
        return VersionConflict(current.version if current else 0)


def check_version(aggregate: CondoAggregate, expected_version: int | None) -> None:
    if expected_version is not None and expected_version != aggregate.version:
        raise VersionConflict(aggregate.version)


def only_changed(
    aggregate: object, changes: dict[str, Any], allowed: tuple[str, ...]
) -> dict[str, Any]:
    unknown = set(changes) - set(allowed)
    if unknown:
        raise InvalidValue(sorted(unknown)[0], "cannot be changed")
    return {k: v for k, v in changes.items() if getattr(aggregate, k) != v}


def what(cls: type) -> str:
    return {"Condo": "condo", "NameClaim": "name"}.get(cls.__name__, cls.__name__.lower())


class AccountExists(RuleBroken):
    code = "account_exists"
