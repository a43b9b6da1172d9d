"""Résidence Les Tilleuls as the product page describes it: its buildings, equipment and people,
set up on the first morning of the demo's year."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from command_api.passwords import hash_password
from copro.demo.clock import SimulatedClock
from copro.demo.year import Year
from domain.application import Condos
from domain.base import Actor

SLUG = "les-tilleuls"
NAME = "Résidence Les Tilleuls"
BUILDINGS = [("Bâtiment A", "A"), ("Bâtiment B", "B"), ("Équipements communs", "")]

# Equipment names are unique within a condo, so each building's lifts, water and doors carry
# the building's letter.
BUILDING_EQUIPMENT = [
    ("Ascenseur {b}1", "lift", "ASC-{b}-01", "Hall"),
    ("Ascenseur {b}2", "lift", "ASC-{b}-02", "Hall"),
    ("Eau chaude {b}", "water", "ECS-{b}", "Sous-sol"),
    ("Eau froide {b}", "water", "EF-{b}", "Sous-sol"),
    ("Électricité {b}", "electricity", "ELEC-{b}", "Local technique"),
    ("Éclairage {b}", "lighting", "ECL-{b}", "Parties communes"),
    ("Porte d'entrée {b}", "access", "PORTE-{b}", "Rez-de-chaussée"),
]
COMMON_EQUIPMENT = [
    ("Porte parking", "access", "PARK-01", "Parking"),
    ("Grille voiture", "access", "GRIL-V", "Rue des Tilleuls"),
    ("Grille piéton", "access", "GRIL-P", "Rue des Tilleuls"),
]


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    password: str
    first_name: str
    last_name: str


ADMIN = DemoLogin("admin", "admin@copro.example", "copro-admin-demo", "Alice", "Durand")
LOGINS = [
    DemoLogin("manager", "gestion@les-tilleuls.example", "tilleuls-gestion", "Claire", "Martin"),
    DemoLogin("auditor", "audit@les-tilleuls.example", "tilleuls-audit", "Paul", "Girard"),
    DemoLogin(
        "resident", "resident.a@les-tilleuls.example", "tilleuls-resident-a", "Inès", "Moreau"
    ),
    DemoLogin(
        "resident", "resident.b@les-tilleuls.example", "tilleuls-resident-b", "Louis", "Bernard"
    ),
]
# Neighbours the manager opened accounts for without a password (the API allows it): they
# report through the year, so that a lift is "reported by 4 residents", but print no login.
NEIGHBOURS = [
    ("jean.petit@les-tilleuls.example", "Jean", "Petit"),
    ("nadia.benali@les-tilleuls.example", "Nadia", "Benali"),
    ("hugo.lefebvre@les-tilleuls.example", "Hugo", "Lefebvre"),
    ("chantal.roux@les-tilleuls.example", "Chantal", "Roux"),
    ("karim.haddad@les-tilleuls.example", "Karim", "Haddad"),
    ("emilie.fontaine@les-tilleuls.example", "Émilie", "Fontaine"),
]
# Where each resident lives: building letter, lot, floor.
HOMES = {
    "resident.a@les-tilleuls.example": ("A", "A12", "2"),
    "resident.b@les-tilleuls.example": ("B", "B31", "3"),
    "jean.petit@les-tilleuls.example": ("A", "A05", "0"),
    "nadia.benali@les-tilleuls.example": ("A", "A24", "4"),
    "hugo.lefebvre@les-tilleuls.example": ("A", "A33", "5"),
    "chantal.roux@les-tilleuls.example": ("B", "B02", "0"),
    "karim.haddad@les-tilleuls.example": ("B", "B14", "1"),
    "emilie.fontaine@les-tilleuls.example": ("B", "B42", "4"),
}


@functools.cache
def hashed(password: str) -> str:
    """Argon2 is slow on purpose: each demo password is hashed once per process, however
    many demos it seeds (the tests seed dozens)."""
    return hash_password(password)


def set_up(condos: Condos, clock: SimulatedClock) -> Year:
    """The first morning: the platform's admin registers the condo and appoints its manager,
    who describes the buildings and equipment and opens the accounts of its people."""
    admin = open_admin(condos)
    clock.move_to(clock.now + STEP)
    copro_id = condos.register_copro(
        Actor(admin),
        name=NAME,
        address="12 rue des Tilleuls",
        postal_code="69003",
        city="Lyon",
        slug=SLUG,
    ).id
    clock.move_to(clock.now + STEP)
    manager_id = appoint(condos, Actor(admin), copro_id, LOGINS[0], {})
    year = Year(
        condos,
        clock,
        copro_id,
        manager_id,
        buildings={},
        equipment={},
        housed_in={},
        residents={"A": [], "B": []},
    )
    describe(year)
    open_accounts(year)
    return year


def describe(year: Year) -> None:
    """The buildings, and the equipment of each, in the order the status page lists them."""
    for order, (building_name, letter) in enumerate(BUILDINGS):
        year.clock.move_to(year.clock.now + STEP)
        building_id = year.condos.add_building(
            year.manager(), year.copro_id, name=building_name, order=order
        ).id
        year.buildings[letter] = building_id
        for position, (name, category, code, location) in enumerate(equipment_of(letter)):
            year.equipment[name] = year.condos.install_equipment(
                year.manager(),
                year.copro_id,
                building_id=building_id,
                name=name,
                category=category,
                code=code,
                location=location,
                order=position,
            ).id
            year.housed_in[name] = letter


def open_accounts(year: Year) -> None:
    """The auditor's and the residents' accounts, opened by the manager."""
    neighbours = [DemoLogin("resident", email, "", *names) for email, *names in NEIGHBOURS]
    for person in LOGINS[1:] + neighbours:
        year.clock.move_to(year.clock.now + STEP)
        account = appoint(year.condos, year.manager(), year.copro_id, person, year.buildings)
        if person.role == "resident":
            year.residents[HOMES[person.email][0]].append(account)


STEP = timedelta(minutes=3)  # between two steps of the first morning


def equipment_of(letter: str) -> list[tuple[str, str, str, str]]:
    """Name, category, code and location of each equipment of a building (the common one
    for "")."""
    if not letter:
        return COMMON_EQUIPMENT
    return [(n.format(b=letter), c, k.format(b=letter), p) for n, c, k, p in BUILDING_EQUIPMENT]


def appoint(
    condos: Condos, by: Actor, copro_id: UUID, person: DemoLogin, buildings: dict[str, UUID]
) -> UUID:
    """Opens the person's account with their role (and home, for a resident); answers it."""
    letter, lot, floor = HOMES.get(person.email, ("", None, None))
    return condos.appoint_member(
        by,
        copro_id,
        email=person.email,
        first_name=person.first_name,
        last_name=person.last_name,
        role=person.role,
        building_id=buildings[letter] if letter else None,
        lot=lot,
        floor=floor,
        password_hash=hashed(person.password) if person.password else None,
    ).id


def open_admin(condos: Condos) -> str:
    """The platform's admin, as `copro admin create` opens one (the `system` actor)."""
    receipt = condos.open_platform_account(
        Actor.system(),
        role="admin",
        email=ADMIN.email,
        first_name=ADMIN.first_name,
        last_name=ADMIN.last_name,
        password_hash=hashed(ADMIN.password),
    )
    return str(receipt.id)
