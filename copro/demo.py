"""The demo condo of the product page: Résidence Les Tilleuls, its buildings, equipment, people."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

from command_api.passwords import hash_password
from domain.account import account_id_for
from domain.application import Condos, Receipt
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
    last = condos.set_equipment_status(
        system, equipment["Eau chaude A"], status="degraded", note="Température basse"
    )
    last = seed_history(condos, copro.id, equipment)
    return Demo(copro_id=copro.id, slug=SLUG, equipment=equipment, position=last.position)


def seed_history(condos: Condos, copro_id: UUID, equipment: dict[str, UUID]) -> Receipt:
    """A year of the condo's life, so that incidents, tickets, maintenance and spending
    are not empty: what happened is back-dated where the product allows it (an incident's
    start, a window's plan, an expense's date); when it was recorded stays now."""
    system = Actor.system()
    now = datetime.now(UTC)
    manager = Actor(str(account_id_for(LOGINS[0].email)))
    residents = [Actor(str(account_id_for(login.email))) for login in LOGINS[2:]]

    past = condos.open_incident(
        manager,
        copro_id,
        title="Ascenseur A1 bloqué",
        message="L’ascenseur A1 est à l’arrêt, le dépanneur est prévenu.",
        impacts=[{"equipment_id": equipment["Ascenseur A1"], "impact": "major_outage"}],
        started_at=now - timedelta(days=20, hours=3),
    )
    condos.post_incident_update(
        manager, past.id, message="Le technicien est sur place.", status="in_progress"
    )
    condos.post_incident_update(
        manager,
        past.id,
        message="Carte de commande remplacée, ascenseur remis en service.",
        status="resolved",
    )

    outage = condos.open_incident(
        manager,
        copro_id,
        title="Ascenseur B2 en panne",
        message="L’ascenseur B2 est bloqué au 3e étage. Personne n’est à l’intérieur.",
        impacts=[{"equipment_id": equipment["Ascenseur B2"], "impact": "major_outage"}],
        started_at=now - timedelta(hours=5),
    )
    condos.post_incident_update(
        manager, outage.id, message="Intervention prévue demain matin.", status="in_progress"
    )
    for resident in residents:
        ticket = condos.report_ticket(
            resident,
            copro_id,
            type="incident",
            title="Ascenseur B2 bloqué",
            description="L’ascenseur ne répond plus aux appels depuis ce matin.",
            equipment_ids=[equipment["Ascenseur B2"]],
        )
        condos.link_ticket(manager, ticket.id, incident_id=outage.id)
    condos.report_ticket(
        residents[0],
        copro_id,
        type="request",
        title="Ampoule grillée au 2e étage",
        description="L’éclairage du palier du 2e étage ne fonctionne plus.",
        equipment_ids=[equipment["Éclairage A"]],
        location="Palier du 2e étage",
    )

    done = condos.schedule_maintenance(
        manager,
        copro_id,
        title="Contrôle annuel des portes",
        equipment_ids=[equipment["Porte parking"], equipment["Grille voiture"]],
        starts_at=now - timedelta(days=40, hours=2),
        ends_at=now - timedelta(days=40),
        description="Vérification réglementaire des automatismes.",
    )
    condos.start_maintenance(system, done.id)
    condos.complete_maintenance(system, done.id)
    ongoing = condos.schedule_maintenance(
        manager,
        copro_id,
        title="Entretien de l’eau chaude du bâtiment B",
        equipment_ids=[equipment["Eau chaude B"]],
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(hours=3),
        description="Détartrage du ballon ; coupures possibles.",
    )
    condos.start_maintenance(system, ongoing.id)
    condos.schedule_maintenance(
        manager,
        copro_id,
        title="Révision des ascenseurs du bâtiment A",
        equipment_ids=[equipment["Ascenseur A1"], equipment["Ascenseur A2"]],
        starts_at=now + timedelta(days=7, hours=8),
        ends_at=now + timedelta(days=7, hours=12),
    )

    year = now.year
    condos.set_budget(
        manager,
        copro_id,
        year,
        lines={
            "energy": 1_800_000,
            "water": 900_000,
            "cleaning": 1_200_000,
            "lift": 1_500_000,
            "insurance": 600_000,
            "repairs": 800_000,
            "management_fees": 1_400_000,
        },
    )
    condos.approve_budget(manager, copro_id, year, approved_on=date(year, 3, 15))
    last: Receipt | None = None
    for months_ago in range(12):
        day = (now - timedelta(days=30 * months_ago + 2)).date()
        for category, supplier, cents in MONTHLY_EXPENSES:
            last = condos.record_expense(
                manager,
                copro_id,
                date=day,
                amount_cents=cents + 731 * months_ago,
                category=category,
                supplier=supplier,
                description=f"Facture {day:%m/%Y}",
            )
    assert last is not None
    return last


MONTHLY_EXPENSES = [
    ("energy", "EDF Collectivités", 148_250),
    ("water", "Eau du Grand Lyon", 71_300),
    ("cleaning", "Propreté Lyonnaise", 98_000),
    ("lift", "Ascenseurs Rhône", 119_900),
    ("management_fees", "Cabinet Syndic Martin", 115_000),
]
