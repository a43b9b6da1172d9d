"""The demo condo of the product page: Résidence Les Tilleuls, its buildings, equipment, people."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from command_api.passwords import hash_password
from domain.application import Condos
from domain.base import Actor

SLUG = "les-tilleuls"

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


@dataclass(frozen=True)
class Demo:
    copro_id: UUID
    slug: str
    equipment: dict[str, UUID]
    position: int


def seed_demo(condos: Condos) -> Demo:
    """Creates the demo condo as the `system` actor."""
    system = Actor.system()
    copro = condos.register_copro(
        system,
        name="Résidence Les Tilleuls",
        address="12 rue des Tilleuls",
        postal_code="69003",
        city="Lyon",
        slug=SLUG,
    )
    equipment: dict[str, UUID] = {}
    last = copro
    for order, (building_name, letter) in enumerate(
        [("Bâtiment A", "A"), ("Bâtiment B", "B"), ("Équipements communs", None)]
    ):
        building = condos.add_building(system, copro.id, name=building_name, order=order)
        specs = (
            [
                (n.format(b=letter), c, code.format(b=letter), loc)
                for n, c, code, loc in BUILDING_EQUIPMENT
            ]
            if letter
            else COMMON_EQUIPMENT
        )
        for position, (name, category, code, location) in enumerate(specs):
            last = condos.install_equipment(
                system,
                copro.id,
                building_id=building.id,
                name=name,
                category=category,
                code=code,
                location=location,
                order=position,
            )
            equipment[name] = last.id
        if letter == "A":
            resident_building = building.id
    for login in LOGINS:
        last = condos.appoint_member(
            system,
            copro.id,
            email=login.email,
            first_name=login.first_name,
            last_name=login.last_name,
            role=login.role,
            building_id=resident_building if login.role == "resident" else None,
            password_hash=hash_password(login.password),
        )
    condos.set_equipment_status(
        system, equipment["Ascenseur B2"], status="major_outage", note="Bloqué au 3e étage"
    )
    last = condos.set_equipment_status(
        system, equipment["Eau chaude A"], status="degraded", note="Température basse"
    )
    return Demo(copro_id=copro.id, slug=SLUG, equipment=equipment, position=last.position)
