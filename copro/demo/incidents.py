"""The year's incidents: each breakdown opened by the manager (or converted from the first
resident's ticket), reported by more residents, followed up on its public timeline, resolved
hours or days after it began, then paid for and mostly closed."""

from __future__ import annotations

import random
from collections.abc import Generator
from datetime import datetime, timedelta
from uuid import UUID

from copro.demo.breakdowns import BREAKDOWNS, Breakdown
from copro.demo.clock import Story
from copro.demo.tickets import report
from copro.demo.year import Year
from domain.ticket import RESOLVED

ON_THE_WAY = [
    "Le technicien est en route.",
    "Le prestataire est prévenu et intervient dans la journée.",
    "Intervention en cours.",
]
MEANWHILE = [
    "Le technicien poursuit le diagnostic, merci de votre patience.",
    "Pièce commandée, la réparation est prévue dès sa livraison.",
    "Intervention en cours : la remise en service est prévue dans la journée.",
]
NOTES = [
    "Relancer le prestataire demain matin.",
    "Troisième panne de ce type : demander un devis de remplacement.",
    "Prévenir le conseil syndical.",
]
COMPLAINTS = ["{} en panne", "{} hors service", "{} ne fonctionne plus", "Problème : {}"]
DETAILS = [
    "Constaté ce matin en partant travailler.",
    "Cela dure depuis une bonne heure, pouvez-vous faire venir quelqu’un ?",
    "Déjà signalé au gardien, rien n’a changé depuis.",
    "Ma voisine âgée ne peut plus sortir de chez elle.",
]


def plan_incidents(year: Year) -> None:
    """About one breakdown every ten days from the end of the first week, at any hour of the
    day; the last ones fall within the status page's 90 days."""
    spacing = 348 / len(BREAKDOWNS)
    for number, breakdown in enumerate(BREAKDOWNS):
        rng = year.dice(f"incident {number}")
        at = year.day(6 + number * spacing + rng.uniform(-2, 2), rng.uniform(6, 22))
        year.agenda.plan(at, incident(year, breakdown, rng))


def incident(year: Year, breakdown: Breakdown, rng: random.Random) -> Story:
    """Opened, reported, in progress within the hour, news halfway, resolved at its end."""
    if breakdown.converted:
        incident_id = yield from converted(year, breakdown, rng)
        first_update = breakdown.message
    else:
        incident_id = opened(year, breakdown, rng)
        first_update = rng.choice(ON_THE_WAY)
    started = year.condos.incident(incident_id).started_at
    length = timedelta(hours=breakdown.hours * rng.uniform(0.85, 1.2))
    for _ in range(breakdown.reports - breakdown.converted):
        at = year.clock.now + length * rng.uniform(0.05, 0.5)
        year.agenda.plan(at, joining(year, breakdown, incident_id, random.Random(rng.random())))
    yield year.clock.now + min(length * 0.15, timedelta(hours=1))
    update(year, incident_id, first_update, "in_progress")
    if breakdown.worse:
        yield started + length * 0.35
        worsened(year, incident_id, *breakdown.worse)
    yield started + length * 0.6
    update(year, incident_id, rng.choice(MEANWHILE))
    if rng.random() < 0.4:
        year.condos.comment_on_incident(year.manager(), incident_id, text=rng.choice(NOTES))
    yield started + length
    update(year, incident_id, breakdown.fix, "resolved")
    if breakdown.reopened:
        yield from relapse(year, incident_id, rng)
    yield from aftermath(year, breakdown, incident_id, rng)


def opened(year: Year, breakdown: Breakdown, rng: random.Random) -> UUID:
    """Published by the manager; two in five back-dated to when it really began."""
    late = timedelta(minutes=rng.uniform(15, 150)) if rng.random() < 0.4 else timedelta(0)
    return year.condos.open_incident(
        year.manager(),
        year.copro_id,
        title=breakdown.title,
        message=breakdown.message,
        impacts=impacts(year, breakdown.impacts),
        started_at=year.clock.now - late,
    ).id


def converted(
    year: Year, breakdown: Breakdown, rng: random.Random
) -> Generator[datetime, None, UUID]:
    """A resident reports it first; the manager turns the ticket into the incident, which
    began when it was reported."""
    ticket = complaint(year, breakdown, rng)
    yield year.clock.now + timedelta(minutes=rng.uniform(15, 50))
    if rng.random() < 0.5:
        text = "Prestataire appelé, il passe dans l’heure."
        year.condos.comment_on_ticket(year.manager(), ticket, text=text)
    return year.condos.convert_ticket(
        year.manager(), ticket, impacts=impacts(year, breakdown.impacts), title=breakdown.title
    ).id


def joining(year: Year, breakdown: Breakdown, incident_id: UUID, rng: random.Random) -> Story:
    """One more report of it, which the manager links to the incident a little later."""
    ticket = complaint(year, breakdown, rng)
    yield year.clock.now + timedelta(minutes=rng.uniform(10, 45))
    year.condos.link_ticket(year.manager(), ticket, incident_id=incident_id)


def complaint(year: Year, breakdown: Breakdown, rng: random.Random) -> UUID:
    """A ticket about the equipment hit first, by a resident of its building; by a passer-by
    for the gates and the car park, now and then."""
    name = breakdown.impacts[0][0]
    return report(
        year,
        rng,
        title=rng.choice(COMPLAINTS).format(name),
        description=rng.choice(DETAILS),
        equipment=(name,),
        type="incident",
        anonymous=not year.letter_of(name) and rng.random() < 0.5,
    )


def relapse(year: Year, incident_id: UUID, rng: random.Random) -> Story:
    """Resolved too early: it comes back a few hours later, and is resolved again."""
    yield year.clock.now + timedelta(hours=rng.uniform(2, 10))
    update(year, incident_id, "Le problème est réapparu, le technicien revient.", "in_progress")
    yield year.clock.now + timedelta(hours=rng.uniform(3, 8))
    update(year, incident_id, "Réparé pour de bon : la pièce défectueuse est changée.", "resolved")


def aftermath(year: Year, breakdown: Breakdown, incident_id: UUID, rng: random.Random) -> Story:
    """The repair's invoice a few days later; then, mostly, the incident and the residents'
    tickets closed."""
    if breakdown.repair:
        yield year.clock.now + timedelta(days=rng.uniform(1, 5))
        invoice(year, breakdown, *breakdown.repair, rng)
    if rng.random() < 0.25:
        return
    yield year.clock.now + timedelta(days=rng.uniform(2, 6))
    update(year, incident_id, "Incident clos.", "closed")
    for ticket_id in sorted(year.condos.incident(incident_id).linked_ticket_ids):
        if year.condos.ticket(ticket_id).status == RESOLVED and rng.random() < 0.7:
            year.condos.close_ticket(year.manager(), ticket_id)


def invoice(
    year: Year, breakdown: Breakdown, supplier: str, cents: int, rng: random.Random
) -> None:
    name = breakdown.impacts[0][0]
    year.condos.record_expense(
        year.manager(),
        year.copro_id,
        date=year.clock.now.date(),
        amount_cents=cents,
        category="repairs",
        supplier=supplier,
        description=f"Réparation : {breakdown.title}",
        building_id=year.buildings[year.letter_of(name)],
        equipment_id=year.equipment[name],
        invoice_ref=f"F{rng.randint(10_000, 99_999)}",
    )


def update(year: Year, incident_id: UUID, message: str, status: str | None = None) -> None:
    year.condos.post_incident_update(year.manager(), incident_id, message=message, status=status)


def worsened(year: Year, incident_id: UUID, name: str, impact: str) -> None:
    """One equipment hit harder (or hit too) than the incident first said."""
    current = year.condos.incident(incident_id).impacts
    changed = {i["equipment_id"]: i["impact"] for i in current} | {year.equipment[name]: impact}
    year.condos.edit_incident(
        year.manager(),
        incident_id,
        {"impacts": [{"equipment_id": e, "impact": i} for e, i in changed.items()]},
    )


def impacts(year: Year, named: tuple[tuple[str, str], ...]) -> list[dict[str, object]]:
    return [{"equipment_id": year.equipment[name], "impact": impact} for name, impact in named]
