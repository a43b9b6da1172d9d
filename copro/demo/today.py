"""The last hours of the demo's year, as the status page shows them now: the lift B2 down since
this morning, reported by its residents; the hot water of building A weak, said by hand; and
the maintenance of building B's hot water in progress (see `copro.demo.maintenance`)."""

from __future__ import annotations

import random
from datetime import timedelta
from uuid import UUID

from copro.demo.clock import Story
from copro.demo.incidents import update
from copro.demo.tickets import report
from copro.demo.year import Year

LIFT = "Ascenseur B2"
# Who reports the stuck lift, how long ago (hours) and in what words; None for a passer-by.
REPORTS = [
    ("B", 0, 4.8, "Ascenseur B2 bloqué", "L’ascenseur ne répond plus aux appels depuis ce matin."),
    ("A", 0, 4.1, "Ascenseur B2 en panne", "Bloqué au 3e étage, les portes restent fermées."),
    ("B", 1, 3.6, "Plus d’ascenseur au B", "Impossible de monter les courses, il ne vient plus."),
    (
        None,
        0,
        2.0,
        "Ascenseur B2 hors service",
        "Livraison impossible au 5e : l’ascenseur B2 est arrêté.",
    ),
]


def plan_today(year: Year) -> None:
    year.agenda.plan(year.ago(hours=5), stuck_lift(year, year.dice("today")))
    year.agenda.plan(year.ago(hours=20), weak_hot_water(year))


def stuck_lift(year: Year, rng: random.Random) -> Story:
    """Opened by the manager (it began twenty minutes before), in progress, still open."""
    incident_id = year.condos.open_incident(
        year.manager(),
        year.copro_id,
        title="Ascenseur B2 en panne",
        message="L’ascenseur B2 est bloqué au 3e étage. Personne n’est à l’intérieur.",
        impacts=[{"equipment_id": year.equipment[LIFT], "impact": "major_outage"}],
        started_at=year.clock.now - timedelta(minutes=20),
    ).id
    for letter, rank, hours, title, description in REPORTS:
        resident = year.residents[letter][rank] if letter else None
        story = reported(year, incident_id, resident, title, description, rng)
        year.agenda.plan(year.ago(hours=hours), story)
    yield year.ago(hours=4.5)
    called = "Le dépanneur est prévenu : intervention demain matin."
    update(year, incident_id, called, "in_progress")
    yield year.ago(hours=1)
    update(year, incident_id, "Pièce commandée : le dépanneur revient demain à 8 h.")
    text = "Troisième panne de l’année : demander au prestataire un geste commercial."
    year.condos.comment_on_incident(year.manager(), incident_id, text=text)


def reported(
    year: Year,
    incident_id: UUID,
    resident: UUID | None,
    title: str,
    description: str,
    rng: random.Random,
) -> Story:
    ticket = report(
        year,
        rng,
        title=title,
        description=description,
        equipment=(LIFT,),
        type="incident",
        anonymous=resident is None,
        reporter=resident,
    )
    yield year.clock.now + timedelta(minutes=rng.uniform(10, 25))
    year.condos.link_ticket(year.manager(), ticket, incident_id=incident_id)


def weak_hot_water(year: Year) -> Story:
    year.condos.set_equipment_status(
        year.manager(),
        year.equipment["Eau chaude A"],
        status="degraded",
        note="Température basse : le chauffagiste passe demain.",
    )
    yield from ()
