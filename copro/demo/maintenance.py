"""The equipment's planned works and the manager's own hand on its status: windows planned a
week or three ahead, started and completed on time by the scheduler (`system`), one extended,
one cancelled; one in progress now, three still to come; and a few statuses set by hand."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

from copro.demo.clock import Story
from copro.demo.year import Year
from domain.base import Actor
from domain.maintenance import MaintenanceTransitionNotAllowed

LIFTS = ("Ascenseur A1", "Ascenseur A2", "Ascenseur B1", "Ascenseur B2")
LIFT_VISIT = "Entretien préventif par Ascenseurs Rhône : les ascenseurs s’arrêtent tour à tour."


@dataclass(frozen=True)
class Works:
    title: str
    description: str
    equipment: tuple[str, ...]
    day: float  # days after the year began (the past), or before the real now if negative
    hour: int  # when it starts (UTC)
    hours: float  # how long it is planned for
    extended_by: float = 0  # hours added while it runs
    cancelled: str | None = None  # the reason it is called off a few days before


WORKS = [
    Works("Visite trimestrielle des ascenseurs", LIFT_VISIT, LIFTS, 40, 8, 4),
    Works(
        "Détartrage du ballon d’eau chaude A",
        "Coupures d’eau chaude possibles dans le bâtiment A.",
        ("Eau chaude A",),
        95,
        9,
        4,
    ),
    Works("Visite trimestrielle des ascenseurs", LIFT_VISIT, LIFTS, 131, 8, 4),
    Works(
        "Contrôle annuel des portes automatiques",
        "Vérification réglementaire des automatismes ; passage par la grille piéton.",
        ("Porte parking", "Grille voiture", "Grille piéton"),
        160,
        14,
        3,
        extended_by=1.5,
    ),
    Works(
        "Contrôle réglementaire de l’installation électrique",
        "Coupures brèves dans les parties communes.",
        ("Électricité A", "Électricité B"),
        200,
        8,
        4,
    ),
    Works("Visite trimestrielle des ascenseurs", LIFT_VISIT, LIFTS, 222, 8, 4),
    Works(
        "Remplacement des luminaires du hall A",
        "Pose de luminaires LED ; hall éclairé par moments seulement.",
        ("Éclairage A",),
        250,
        9,
        6,
    ),
    Works(
        "Ravalement : protection des entrées",
        "Pose des protections avant le ravalement ; entrées accessibles.",
        ("Porte d'entrée A", "Porte d'entrée B"),
        285,
        8,
        8,
        cancelled="Entreprise de ravalement indisponible : chantier reporté au printemps.",
    ),
    Works("Visite trimestrielle des ascenseurs", LIFT_VISIT, LIFTS, 313, 8, 4),
    Works(
        "Désembouage du réseau d’eau chaude B",
        "Eau chaude coupée dans le bâtiment B pendant l’intervention.",
        ("Eau chaude B",),
        330,
        8,
        5,
    ),
    # Within the month the manager's calendar shows by default, before today's.
    Works(
        "Remplacement du ferme-porte de l’entrée B",
        "Porte d’entrée B maintenue ouverte pendant l’intervention.",
        ("Porte d'entrée B",),
        352,
        10,
        2,
    ),
]
# Now: one in progress for an hour or two (day 0), three planned in the next 30 days (days
# from today).
COMING = [
    Works(
        "Entretien de l’eau chaude du bâtiment B",
        "Détartrage du ballon ; coupures possibles.",
        ("Eau chaude B",),
        0,
        0,
        4,
    ),
    Works(
        "Révision des ascenseurs du bâtiment A",
        "Un ascenseur à la fois ; l’autre reste en service.",
        ("Ascenseur A1", "Ascenseur A2"),
        7,
        8,
        4,
    ),
    Works(
        "Contrôle des grilles et de la porte du parking",
        "Passage par la grille piéton pendant le contrôle.",
        ("Porte parking", "Grille voiture"),
        18,
        14,
        3,
    ),
    Works(
        "Nettoyage des colonnes d’eau froide B",
        "Eau froide coupée par étage, une heure au plus.",
        ("Eau froide B",),
        26,
        9,
        3,
    ),
]
# Statuses set by hand: equipment, status, note, days after the year began, hour.
BY_HAND = [
    ("Éclairage B", "degraded", "Deux ampoules grillées au 3e, remplacement prévu.", 55, 18),
    ("Éclairage B", "operational", "Ampoules remplacées.", 57, 10),
    ("Grille piéton", "degraded", "Fermeture lente, réglage demandé.", 120, 9),
    ("Grille piéton", "operational", "Réglage fait.", 123, 11),
    ("Eau froide B", "degraded", "Eau trouble après des travaux de la Métropole.", 241, 7.5),
    ("Eau froide B", "operational", "Eau redevenue claire.", 241, 19),
    ("Porte parking", "maintenance", "Graissage des rails par le gardien.", 300, 10),
    ("Porte parking", "operational", None, 300, 13),
]


def plan_maintenance(year: Year) -> None:
    for number, works in enumerate(WORKS):
        starts_at = year.day(works.day, works.hour)
        lead = timedelta(days=year.dice(f"works {number}").uniform(7, 21))
        year.agenda.plan(starts_at - lead, window(year, works, starts_at))
    for number, works in enumerate(COMING):
        starts_at = coming(year, works)
        lead = timedelta(days=year.dice(f"coming {number}").uniform(1, 8))
        year.agenda.plan(starts_at - lead, window(year, works, starts_at))
    for name, status, note, day, hour in BY_HAND:
        year.agenda.plan(year.day(day, hour), by_hand(year, name, status, note))


def window(year: Year, works: Works, starts_at: datetime) -> Story:
    """Planned by the manager; started and completed by the scheduler at its bounds, as far
    as the real now."""
    ends_at = starts_at + timedelta(hours=works.hours)
    window_id = year.condos.schedule_maintenance(
        year.manager(),
        year.copro_id,
        title=works.title,
        equipment_ids=[year.equipment[name] for name in works.equipment],
        starts_at=starts_at,
        ends_at=ends_at,
        description=works.description,
    ).id
    condos, manager = year.condos, year.manager
    if works.cancelled:
        yield starts_at - timedelta(days=4)
        unless_moved(condos.cancel_maintenance, manager(), window_id, reason=works.cancelled)
        return
    yield starts_at
    if starts_at > year.clock.end:
        return
    unless_moved(condos.start_maintenance, Actor.system(), window_id)
    if works.extended_by:
        yield ends_at - timedelta(hours=works.hours / 4)
        ends_at += timedelta(hours=works.extended_by)
        unless_moved(condos.extend_maintenance, manager(), window_id, ends_at=ends_at)
    yield ends_at
    if ends_at <= year.clock.end:
        unless_moved(condos.complete_maintenance, Actor.system(), window_id)


def unless_moved(command: Callable[..., object], *args: Any, **kwargs: Any) -> None:
    """A scheduler running beside the seeding (a server already up, which finds the past
    windows due) may have started or completed the window first: like a second scheduler,
    the seeding shrugs, and the year goes on."""
    try:
        command(*args, **kwargs)
    except MaintenanceTransitionNotAllowed:
        pass


def by_hand(year: Year, name: str, status: str, note: str | None) -> Story:
    year.condos.set_equipment_status(year.manager(), year.equipment[name], status=status, note=note)
    yield from ()


def coming(year: Year, works: Works) -> datetime:
    """When a window of today's starts: that many days from today at its hour, or for the one
    in progress, at the last full hour but one."""
    if not works.day:
        return year.ago(hours=1).replace(minute=0, second=0, microsecond=0)
    day = year.clock.end.date() + timedelta(days=works.day)
    return datetime.combine(day, time(works.hour), UTC)
