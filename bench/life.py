"""A year in the life of a set of condos, as events: what `bench.rebuild` rebuilds from.

Statuses set by hand, residents' tickets, incidents (some back-dated), maintenance windows,
expenses and budgets, accounts and roles, in about the shares a real condo has; events are
made on the aggregates directly and saved in chunks, in the order they happened.
"""

from __future__ import annotations

import heapq
import itertools
import math
import random
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

from eventsourcing.domain import CanCreateTimestamp

from command_api.passwords import hash_password
from copro.bootstrap import open_condos
from copro.demo import BUILDING_EQUIPMENT, COMMON_EQUIPMENT, MONTHLY_EXPENSES
from copro.demo.money import INSURANCE
from copro.settings import Settings
from domain.account import Account, normalise_email
from domain.base import ANONYMOUS, SYSTEM, Actor, CondoAggregate, acting_as
from domain.budget import Budget, budget_id_for
from domain.building import Building
from domain.commands.plumbing import PLATFORM
from domain.condo import Condo, slugify
from domain.equipment import Equipment, Status
from domain.expense import Expense
from domain.incident import Impact, ImpactOn, Incident, IncidentStatus
from domain.maintenance import Maintenance
from domain.name_claim import NameClaim, claim_id
from domain.people import Person
from domain.ticket import Ticket, TicketStatus, incident_resolved_reply


def generate(settings: Settings, events: int, seed: int = 7) -> None:
    """A year in the life of enough condos to make `events` events, saved in chunks; prints
    the mix generated."""
    condos = open_condos(settings)
    life = Life(condos, random.Random(seed), events)
    # Events are dated on the simulated clock, as a year of use would date them: otherwise a
    # year would fit in the seconds generation takes, and an incident back-dated by an hour
    # would reach before everything else.
    real = CanCreateTimestamp.create_timestamp
    CanCreateTimestamp.create_timestamp = staticmethod(life.stamp)  # type: ignore[method-assign]
    try:
        life.run(sites=max(1, math.ceil(events / EVENTS_PER_CONDO_YEAR)))
    finally:
        CanCreateTimestamp.create_timestamp = real  # type: ignore[method-assign]
    condos.close()
    life.report()


# -- the mix ----------------------------------------------------------------------------------
#
# Per condo and per day, on average (arrivals are Poisson-distributed). With the lives below
# they make, in a condo-year of about EVENTS_PER_CONDO_YEAR events: ~35 % manual status changes,
# ~25 % ticket events, ~15 % incident events, ~10 % maintenance windows, ~10 % expenses and
# budgets, the rest accounts, roles and structure (mostly the condo's onboarding).
STATUS_CHANGES_PER_DAY = 3.8
TICKETS_PER_DAY = 0.38
INCIDENTS_PER_DAY = 0.16
MAINTENANCE_PER_DAY = 0.36
EXPENSES_PER_DAY = 0.8
RESIDENTS = 30
EVENTS_PER_CONDO_YEAR = 3_950  # measured with the rates above: sizes the set of condos
CHUNK = 500  # events per save (one transaction)

NAMES = ["Les Tilleuls", "Les Acacias", "Le Parc", "Les Érables", "Bellecour", "Les Cèdres"]
STREETS = ["rue Garibaldi", "cours Gambetta", "avenue Jean Jaurès", "rue Paul Bert"]
PROBLEMS = {
    "lift": ["à l’arrêt", "bloqué entre deux étages", "portes qui ne se ferment plus"],
    "water": ["plus d’eau", "fuite au sous-sol", "pression très faible"],
    "electricity": ["coupure de courant", "disjoncteur qui saute"],
    "lighting": ["éclairage en panne", "minuterie défaillante"],
    "access": ["porte bloquée", "badges refusés", "moteur en panne"],
}
WORKS = {
    "lift": ["Révision des ascenseurs", "Remplacement des câbles"],
    "water": ["Détartrage du ballon", "Contrôle des canalisations"],
    "electricity": ["Contrôle réglementaire de l’installation", "Remplacement du tableau"],
    "lighting": ["Remplacement des luminaires", "Réglage des minuteries"],
    "access": ["Entretien des automatismes", "Reprogrammation des badges"],
}
REQUESTS = [
    ("Ampoule grillée", "Palier du {floor}e étage"),
    ("Encombrants dans le local vélos", "Local vélos"),
    ("Boîte aux lettres abîmée", "Hall"),
    ("Infiltration au plafond", "Palier du {floor}e étage"),
]
AD_HOC_EXPENSES = [  # category, suppliers, cents from, cents to, about equipment
    ("repairs", ["Ascenseurs Rhône", "Plomberie Lyonnaise", "Élec Services"], 8_000, 250_000, True),
    ("works", ["BTP Confluence", "Peinture & Façades"], 150_000, 2_500_000, False),
    ("cleaning", ["Propreté Lyonnaise"], 5_000, 40_000, False),
    ("other", ["Serrurerie Martin", "Jardins du Rhône", "Fournitures Pro"], 2_000, 60_000, False),
]
BUDGET_LINES = {
    "energy": 1_800_000,
    "water": 900_000,
    "cleaning": 1_200_000,
    "lift": 1_500_000,
    "insurance": 600_000,
    "repairs": 800_000,
    "works": 2_000_000,
    "management_fees": 1_400_000,
}
BROKEN = [Status.DEGRADED, Status.PARTIAL_OUTAGE, Status.MAJOR_OUTAGE, Status.MAINTENANCE]
IMPACTS = [Impact.DEGRADED, Impact.PARTIAL_OUTAGE, Impact.MAJOR_OUTAGE, Impact.MAINTENANCE]
GROUPS = {  # what the mix printed after generation calls each aggregate's events
    "Ticket": "tickets",
    "Incident": "incidents",
    "Maintenance": "maintenance",
    "Expense": "expenses and budgets",
    "Budget": "expenses and budgets",
}

Process = Iterator[float]  # a life: each step acts, then yields the days until the next


@dataclass
class Site:
    """One condo and what its life needs to remember."""

    number: int
    condo: Condo = field(init=False)
    manager: UUID = field(init=False)
    buildings: list[Building] = field(default_factory=list)
    pieces: list[Equipment] = field(default_factory=list)  # in service
    claims: dict[UUID, NameClaim] = field(default_factory=dict)
    residents: list[Account] = field(default_factory=list)  # active, may act
    people: dict[UUID, Person] = field(default_factory=dict)
    incidents: list[Incident] = field(default_factory=list)  # tickets may join them
    linked: dict[UUID, list[Ticket]] = field(default_factory=dict)  # by incident
    arrivals: int = 0
    installed: int = 0

    @property
    def homes(self) -> list[Building]:
        return self.buildings[:2]  # the third one holds the common equipment


class Life:
    """Runs the lives of every condo on one simulated clock (a year ago to now), acting
    directly on the aggregates as the commands would, and saves every event in the order
    it happened, in chunks of about CHUNK events."""

    def __init__(self, condos: Any, rng: random.Random, target: int) -> None:
        self.condos = condos
        self.rng = rng
        self.target = target
        self.now = datetime.now(UTC)
        self.start = self.now  # the simulated clock's origin, set by run()
        self.stamped = datetime(2000, 1, 1, tzinfo=UTC)  # the last event's time
        self.t = 0.0  # simulated days since start
        self.queue: list[tuple[float, int, Process]] = []
        self.sequence = itertools.count()
        self.sites: list[Site] = []
        # What the next save holds: events in the order they were triggered.
        self.ordered: list[Any] = []
        self.seen: dict[UUID, tuple[CondoAggregate, int]] = {}
        self.people: list[Person] = []
        self.written = 0
        self.mix: Counter[str] = Counter()
        # One hash for every account (argon2 is slow on purpose), another after a change.
        self.password_hashes = [hash_password("bench password"), hash_password("new password")]

    # -- the clock and the savings ----------------------------------------------------------

    @property
    def today(self) -> datetime:
        return self.start + timedelta(days=self.t)

    def stamp(self) -> datetime:
        """When an event happens: now on the simulated clock, each after the one before."""
        self.stamped = max(min(self.today, self.now), self.stamped + timedelta(microseconds=1))
        return self.stamped

    def day(self) -> str:
        """Today's date as an expense or approval carries it, never in the future."""
        return min(self.today, self.now).date().isoformat()

    def spawn(self, process: Process, delay: float = 0.0) -> None:
        heapq.heappush(self.queue, (self.t + delay, next(self.sequence), process))

    def later(self, delay: float, action: Callable[..., object], *args: Any) -> None:
        def once() -> Process:
            action(*args)
            yield from ()

        self.spawn(once(), delay)

    def run(self, sites: int) -> None:
        # The simulated clock should reach about now when the target is: the last windows
        # planned are still to come, the last invoices dated of these days. From midnight, so
        # that a seed makes the same history all day long.
        days = 365 * self.target / (sites * EVENTS_PER_CONDO_YEAR)
        self.start = (self.now - timedelta(days=days)).replace(
            hour=0, minute=0, second=0, microsecond=0
        )
        self.admin = self.open_admin()
        for number in range(1, sites + 1):
            self.spawn(self.onboard(Site(number)), number * 0.01)
        while self.queue and self.written + len(self.ordered) < self.target:
            self.t, _, process = heapq.heappop(self.queue)
            delay = next(process, None)
            if delay is not None:
                self.spawn(process, delay)
            if len(self.ordered) >= CHUNK:
                self.flush()
        self.flush()

    def by(self, who: UUID | str) -> AbstractContextManager[None]:
        """One command's context: a fresh request id, as over HTTP."""
        return acting_as(Actor(str(who)))

    def touch(self, *aggregates: CondoAggregate, people: Iterable[Person] = ()) -> None:
        """Takes the events just triggered on these aggregates, in this order, for the next
        save (a command saves its aggregates in the order it names them)."""
        for aggregate in aggregates:
            _, taken = self.seen.get(aggregate.id, (aggregate, 0))
            pending = aggregate.pending_events
            self.ordered.extend(pending[taken:])
            self.seen[aggregate.id] = (aggregate, len(pending))
        self.people.extend(people)

    def flush(self) -> None:
        if not self.ordered:
            return
        collected = sum(len(a.collect_events()) for a, _ in self.seen.values())
        if collected != len(self.ordered):
            raise RuntimeError(f"{collected - len(self.ordered)} event(s) triggered, not touched")
        self.mix.update(type(e).__qualname__ for e in self.ordered)
        self.condos.save(*self.ordered, people=self.people)
        self.written += len(self.ordered)
        self.ordered, self.seen, self.people = [], {}, []

    def report(self) -> None:
        groups: Counter[str] = Counter()
        for name, count in self.mix.items():
            aggregate = name.split(".")[0]
            group = "equipment status" if name == "Equipment.StatusSet" else None
            groups[group or GROUPS.get(aggregate, "accounts, roles, structure")] += count
        total = sum(groups.values())
        shares = ", ".join(f"{g} {c / total:.1%}" for g, c in groups.most_common())
        print(
            f"generated {total:,} events, {len(self.sites)} condo(s) over {self.t:.0f} days: "
            f"{shares}"
        )
        print("  " + ", ".join(f"{n} {c:,}" for n, c in self.mix.most_common()))

    # -- structure and accounts -------------------------------------------------------------

    def open_admin(self) -> UUID:
        person = self.person("admin@copro-bench.org", "Alice", "Admin")
        with self.by(SYSTEM):
            admin = Account(id=person.id, status="active", is_admin=True)
        self.touch(admin, people=[person])
        return admin.id

    def person(self, email: str, first_name: str, last_name: str) -> Person:
        return Person(
            id=uuid4(),  # account ids are random (`domain.account`); these emails are distinct
            email=normalise_email(email),
            first_name=first_name,
            last_name=last_name,
            password_hash=self.password_hashes[0],
        )

    def claim(self, site: Site, scope: str, kind: str, name: str, holder: UUID) -> NameClaim:
        key = claim_id(scope, kind, name)
        claim = site.claims.get(key)
        if claim is None:
            claim = site.claims[key] = NameClaim(
                id=key, scope=scope, kind=kind, name=name, holder_id=holder
            )
        else:
            claim.reclaim(name=name, holder_id=holder)
        return claim

    def onboard(self, site: Site) -> Process:
        rng = self.rng
        self.sites.append(site)
        name = f"Résidence {NAMES[site.number % len(NAMES)]} {site.number}"
        with self.by(self.admin):
            site.condo = Condo(
                name=name,
                address=f"{rng.randint(1, 120)} {rng.choice(STREETS)}",
                postal_code=f"6900{rng.randint(1, 9)}",
                city="Lyon",
                country="France",
                slug=slugify(name),
                public_status_page=rng.random() < 0.8,
            )
            slug = self.claim(site, PLATFORM, "slug", site.condo.slug, site.condo.id)
        self.touch(site.condo, slug)
        for order, (building_name, letter) in enumerate(
            [("Bâtiment A", "A"), ("Bâtiment B", "B"), ("Équipements communs", None)]
        ):
            with self.by(self.admin):
                building = Building(
                    copro_id=site.condo.id, name=building_name, description="", order=order
                )
                claim = self.claim(site, str(site.condo.id), "building", building_name, building.id)
            self.touch(building, claim)
            site.buildings.append(building)
            specs = (
                [
                    (n.format(b=letter), c, k.format(b=letter), p)
                    for n, c, k, p in BUILDING_EQUIPMENT
                ]
                if letter
                else COMMON_EQUIPMENT
            )
            for position, spec in enumerate(specs):
                self.install(site, building, *spec, order=position, by=self.admin)
        # The platform admin appoints the manager, who appoints the rest.
        manager = self.person(f"gestion.{site.number}@copro-bench.org", "Claire", "Martin")
        site.manager = manager.id
        self.appoint(site, manager, "manager", None, by=self.admin)
        yield rng.uniform(0.05, 0.5)
        auditor = self.person(f"audit.{site.number}@copro-bench.org", "Paul", "Girard")
        self.appoint(site, auditor, "auditor", None, by=site.manager)
        # The budget in preparation: this year's, or next year's late in the year.
        year = (self.today + timedelta(days=60)).year
        self.spawn(self.budget(site, year), rng.uniform(1, 10))
        for _ in range(RESIDENTS):
            self.spawn(self.arrival(site), rng.uniform(0.1, 45))
        self.spawn(self.daily(site), rng.random())

    def install(
        self,
        site: Site,
        building: Building,
        name: str,
        category: str,
        code: str,
        location: str,
        order: int,
        by: UUID,
    ) -> Equipment:
        scope = str(site.condo.id)
        with self.by(by):
            piece = Equipment(
                copro_id=site.condo.id,
                building_id=building.id,
                name=name,
                code=code,
                category=category,
                location=location,
                order=order,
            )
            building.house(equipment_id=piece.id)
            claims = [
                self.claim(site, scope, "equipment", name, piece.id),
                self.claim(site, scope, "code", code, piece.id),
            ]
        self.touch(piece, building, *claims)
        site.pieces.append(piece)
        return piece

    def replace_equipment(self, site: Site) -> None:
        """A piece of equipment worn out: retired, and a new one under the same name."""
        old = self.rng.choice(site.pieces)
        building = next(b for b in site.buildings if b.id == old.building_id)
        scope = str(site.condo.id)
        with self.by(site.manager):
            old.retire()
            building.release(equipment_id=old.id)
            claims = [
                site.claims[claim_id(scope, "equipment", old.name)],
                site.claims[claim_id(scope, "code", old.code or "")],
            ]
            for claim in claims:
                claim.release()
        self.touch(old, building, *claims)
        site.pieces.remove(old)
        site.installed += 1
        self.later(
            self.rng.uniform(1, 20),
            self.install,
            site,
            building,
            old.name,
            old.category,
            old.code or f"EQ-{site.installed}",
            old.location or "",
            old.order,
            site.manager,
        )

    def appoint(
        self,
        site: Site,
        person: Person,
        role: str,
        home: tuple[Building, str, str] | None,
        by: UUID | str,
        status: str = "active",
    ) -> Account:
        building, lot, floor = home or (None, None, None)
        with self.by(by):
            account = Account(id=person.id, status=status, is_admin=False)
            account.grant_role(
                copro_id=site.condo.id,
                role=role,
                building_id=building.id if building else None,
                lot=lot,
                floor=floor,
            )
        self.touch(account, people=[person])
        site.people[person.id] = person
        return account

    def arrival(self, site: Site) -> Process:
        """A resident joins: appointed by the manager, or signs up and waits for activation."""
        rng = self.rng
        site.arrivals += 1
        n = site.arrivals
        building = rng.choice(site.homes)
        floor = str(rng.randint(0, 6))
        home = (building, f"{building.name[-1]}{floor}{rng.randint(1, 4):02d}", floor)
        person = self.person(
            f"resident.{site.number}.{n}@copro-bench.org", f"Prénom{n}", f"Nom{site.number}"
        )
        if rng.random() < 0.65:
            site.residents.append(self.appoint(site, person, "resident", home, by=site.manager))
            return
        account = self.appoint(site, person, "resident", home, by=ANONYMOUS, status="pending")
        yield rng.uniform(0.1, 4)
        with self.by(site.manager):
            account.activate()
        self.touch(account)
        site.residents.append(account)

    def accounts_and_structure(self, site: Site) -> None:
        """The rarer changes of a day: passwords, departures, moves, edits, replacements."""
        rng = self.rng
        if site.residents and rng.random() < 0.05:
            account = rng.choice(site.residents)
            with self.by(account.id):
                account.change_password()
            person = replace(site.people[account.id], password_hash=self.password_hashes[1])
            self.touch(account, people=[person])
        if len(site.residents) > RESIDENTS // 2 and rng.random() < 0.012:
            account = site.residents.pop(rng.randrange(len(site.residents)))
            with self.by(site.manager):
                account.deactivate()
            self.touch(account)
            self.spawn(self.arrival(site), rng.uniform(5, 40))  # someone moves in
        if site.residents and rng.random() < 0.004:
            account = rng.choice(site.residents)
            building = rng.choice(site.homes)
            with self.by(site.manager):
                account.grant_role(
                    copro_id=site.condo.id,
                    role="resident",
                    building_id=building.id,
                    lot=f"{building.name[-1]}{rng.randint(10, 69)}",
                    floor=str(rng.randint(1, 6)),
                )
            self.touch(account)
        if rng.random() < 0.01:
            piece = rng.choice(site.pieces)
            with self.by(site.manager):
                piece.edit(changes={"location": f"{piece.location} ({rng.randint(1, 9)})"})
            self.touch(piece)
        if rng.random() < 0.004:
            self.replace_equipment(site)
        if rng.random() < 0.003:
            building = rng.choice(site.buildings)
            with self.by(site.manager):
                building.describe(description=f"Digicode changé le {self.day()}")
            self.touch(building)
        if rng.random() < 0.002:
            with self.by(site.manager):
                site.condo.update(changes={"public_status_page": not site.condo.public_status_page})
            self.touch(site.condo)

    # -- a day of a condo -------------------------------------------------------------------

    def daily(self, site: Site) -> Process:
        rng = self.rng
        month = self.today.month
        self.monthly(site)
        while True:
            for _ in range(poisson(rng, STATUS_CHANGES_PER_DAY)):
                self.later(rng.random(), self.status_change, site)
            for _ in range(poisson(rng, TICKETS_PER_DAY)):
                self.spawn(self.ticket(site), rng.random())
            for _ in range(poisson(rng, INCIDENTS_PER_DAY)):
                self.spawn(self.incident(site), rng.random())
            for _ in range(poisson(rng, MAINTENANCE_PER_DAY)):
                self.spawn(self.maintenance(site), rng.random())
            for _ in range(poisson(rng, EXPENSES_PER_DAY)):
                self.spawn(self.ad_hoc_expense(site), rng.random())
            self.accounts_and_structure(site)
            yield 1.0
            if self.today.month != month:
                month = self.today.month
                self.monthly(site)
                if month == 11:  # next year's budget goes to the general assembly
                    self.spawn(self.budget(site, self.today.year + 1), rng.uniform(1, 20))

    def status_change(self, site: Site) -> None:
        rng = self.rng
        piece = rng.choice(site.pieces)
        if piece.manual_status == Status.OPERATIONAL:
            status = rng.choices(BROKEN, weights=[45, 20, 15, 20])[0]
        elif rng.random() < 0.7:
            status = Status.OPERATIONAL
        else:
            status = rng.choice([s for s in BROKEN if s != piece.manual_status])
        note = None
        if status != Status.OPERATIONAL and rng.random() < 0.5:
            note = rng.choice(PROBLEMS[piece.category]).capitalize()
        with self.by(site.manager):
            piece.set_status(status=status.value, note=note)
        self.touch(piece)

    # -- tickets and incidents --------------------------------------------------------------

    def ticket(
        self, site: Site, piece: Equipment | None = None, incident: Incident | None = None
    ) -> Process:
        """A report and its follow-up: answered, worked on, resolved and closed; or a
        duplicate; or one more report of an incident; or the start of a new incident."""
        rng = self.rng
        if piece is None or piece.retired:
            piece = rng.choice(site.pieces)
        is_incident = incident is not None or rng.random() < 0.65
        floor = rng.randint(1, 6)
        if is_incident:
            title = f"{piece.name} : {rng.choice(PROBLEMS[piece.category])}"
            location = piece.location
            equipment_ids = [piece.id]
        else:
            title, where = rng.choice(REQUESTS)
            location = where.format(floor=floor)
            equipment_ids = [piece.id] if rng.random() < 0.4 else []
        people: list[Person] = []
        if site.residents and rng.random() < 0.8:
            reporter_id, kind = rng.choice(site.residents).id, "resident"
            actor: UUID | str = reporter_id
        else:
            n = rng.randint(1, 999)
            person = Person(
                id=uuid4(),
                email=f"visiteur{n}@example.org",
                first_name=f"Visiteur {n}",
                last_name="",
                phone=f"+336{rng.randint(10_000_000, 99_999_999)}" if rng.random() < 0.5 else None,
            )
            reporter_id, kind, actor, people = person.id, "anonymous", ANONYMOUS, [person]
        with self.by(actor):
            ticket = Ticket(
                copro_id=site.condo.id,
                type="incident" if is_incident else "request",
                title=title,
                description=f"Constaté au {floor}e étage, merci de faire le nécessaire.",
                location=location,
                equipment_ids=equipment_ids,
                reporter_id=reporter_id,
                reporter_kind=kind,
            )
        self.touch(ticket, people=people)
        yield rng.uniform(0.02, 1.0)

        manager = site.manager
        if incident is None and is_incident and rng.random() < 0.3:
            incident = next((i for i in site.incidents if affects(i, piece.id)), None)
        if incident is not None and incident.id in site.linked:  # not closed nor forgotten
            self.attach(site, ticket, incident)
            return
        if rng.random() < 0.5:
            with self.by(manager):
                ticket.assign(assignee_id=manager)
            self.touch(ticket)
        if rng.random() < 0.3:
            with self.by(manager):
                ticket.comment(author_id=manager, text="Voir avec le prestataire.")
            self.touch(ticket)
        outcome = rng.random()
        if outcome < 0.08:
            with self.by(manager):
                ticket.close(reason="Doublon d’un signalement déjà traité.")
            self.touch(ticket)
            return
        if outcome < 0.2 and is_incident:
            self.convert(site, ticket)
            return
        if rng.random() < 0.6:
            with self.by(manager):
                ticket.reply(author_id=manager, text="Merci, nous regardons cela.")
            self.touch(ticket)
        with self.by(manager):
            ticket.start(message="Le prestataire est prévenu." if rng.random() < 0.5 else None)
        self.touch(ticket)
        yield rng.uniform(0.5, 10)
        for _ in range(rng.choice([0, 0, 1, 2])):
            with self.by(manager):
                if rng.random() < 0.5:
                    ticket.comment(author_id=manager, text="Devis demandé.")
                else:
                    ticket.reply(author_id=manager, text="Intervention prévue cette semaine.")
            self.touch(ticket)
            yield rng.uniform(0.5, 3)
        with self.by(manager):
            ticket.resolve(message="C’est réparé.")
        self.touch(ticket)
        yield rng.uniform(1, 10)
        if rng.random() < 0.08:
            with self.by(manager):
                ticket.reopen(reason="Le problème est revenu.")
            self.touch(ticket)
            yield rng.uniform(1, 5)
            with self.by(manager):
                ticket.resolve(message="Réparé pour de bon.")
            self.touch(ticket)
            yield rng.uniform(1, 10)
        if rng.random() < 0.75:
            with self.by(manager):
                ticket.close(reason=None)
            self.touch(ticket)

    def attach(self, site: Site, ticket: Ticket, incident: Incident) -> None:
        """Links both ways, as `link_ticket` does: starts the ticket, resolves it at once if
        the incident already is."""
        with self.by(site.manager):
            ticket.link(incident_id=incident.id)
            incident.link_ticket(ticket_id=ticket.id)
            if ticket.status == TicketStatus.ANALYZING:
                ticket.start()
            if incident.status == IncidentStatus.RESOLVED:
                ticket.resolve(message=incident_resolved_reply(incident.title))
        self.touch(ticket, incident)
        site.linked[incident.id].append(ticket)

    def convert(self, site: Site, ticket: Ticket) -> None:
        """Opens an incident from a ticket, as `convert_ticket` does."""
        with self.by(site.manager):
            incident = Incident(
                copro_id=ticket.copro_id,
                title=ticket.title,
                message=ticket.description,
                started_at=ticket.created_on,
                impacts=[
                    {"equipment_id": e, "impact": Impact.DEGRADED.value}
                    for e in ticket.equipment_ids
                ],
                location=ticket.location,
            )
            for comment in ticket.comments:
                incident.comment(author_id=comment["author_id"], text=comment["text"])
        self.touch(incident)
        self.open(site, incident)
        self.attach(site, ticket, incident)
        self.spawn(self.incident(site, incident), self.rng.uniform(0.01, 0.3))

    def open(self, site: Site, incident: Incident) -> None:
        site.incidents.append(incident)
        site.linked[incident.id] = []

    def incident(self, site: Site, incident: Incident | None = None) -> Process:
        """Published, followed up with updates, sometimes re-scoped, resolved (with the tickets
        that report it), sometimes back again, then mostly closed."""
        rng = self.rng
        manager = site.manager
        if incident is None:
            pieces = rng.sample(site.pieces, rng.choices([1, 2, 3], weights=[60, 30, 10])[0])
            started_at = self.today
            if rng.random() < 0.12:  # 1 in 10 of all, converted tickets included
                started_at -= timedelta(minutes=rng.uniform(5, 240))
            with self.by(manager):
                incident = Incident(
                    copro_id=site.condo.id,
                    title=f"{pieces[0].name} : {rng.choice(PROBLEMS[pieces[0].category])}",
                    message="Nous avons connaissance du problème et le prestataire est prévenu.",
                    started_at=started_at,
                    impacts=[
                        {"equipment_id": p.id, "impact": rng.choice(IMPACTS[:3]).value}
                        for p in pieces
                    ],
                    location=pieces[0].location,
                )
            self.touch(incident)
            self.open(site, incident)
            for _ in range(rng.choices([0, 1, 2, 3], weights=[45, 30, 15, 10])[0]):
                self.spawn(self.ticket(site, rng.choice(pieces), incident), rng.uniform(0.01, 0.5))
        yield rng.uniform(0.01, 0.3)
        if rng.random() < 0.8:
            self.post(site, incident, "Le technicien est en route.", IncidentStatus.IN_PROGRESS)
        for _ in range(rng.randint(1, 4)):
            yield rng.uniform(0.05, 1.5)
            roll = rng.random()
            if roll < 0.2:
                self.change_impacts(site, incident)
            elif roll < 0.35:
                with self.by(manager):
                    incident.comment(author_id=manager, text="Relancer le prestataire demain.")
                self.touch(incident)
            elif roll < 0.4:
                with self.by(manager):
                    incident.edit(changes={"message": "Le prestataire a diagnostiqué la panne."})
                self.touch(incident)
            self.post(site, incident, "Intervention en cours, merci de votre patience.")
        yield rng.uniform(0.1, 2)
        self.post(site, incident, "Tout est rentré dans l’ordre.", IncidentStatus.RESOLVED)
        if rng.random() < 0.1:
            yield rng.uniform(0.1, 2)
            self.post(site, incident, "Le problème est réapparu.", IncidentStatus.IN_PROGRESS)
            yield rng.uniform(0.1, 2)
            self.post(site, incident, "Réparé pour de bon.", IncidentStatus.RESOLVED)
        yield rng.uniform(1, 10)
        if rng.random() < 0.7:
            self.post(site, incident, "Incident clos.", IncidentStatus.CLOSED)
        site.incidents.remove(incident)
        del site.linked[incident.id]

    def post(self, site: Site, incident: Incident, message: str, status: str | None = None) -> None:
        """A timeline update; resolving resolves the linked tickets still in progress."""
        with self.by(site.manager):
            incident.post_update(message=message, status=status)
            resolved = []
            if status == IncidentStatus.RESOLVED:
                for ticket in site.linked[incident.id]:
                    if ticket.status == TicketStatus.IN_PROGRESS:
                        ticket.resolve(message=incident_resolved_reply(incident.title))
                        resolved.append(ticket)
        self.touch(incident, *resolved)

    def change_impacts(self, site: Site, incident: Incident) -> None:
        """Worse or better on one piece, or one more piece hit; only equipment in service."""
        in_service = {p.id for p in site.pieces}
        impacts: list[ImpactOn] = [
            {"equipment_id": i["equipment_id"], "impact": i["impact"]}
            for i in incident.impacts
            if i["equipment_id"] in in_service
        ]
        spare = [p for p in site.pieces if not affects(incident, p.id)]
        if spare and (not impacts or self.rng.random() < 0.4):
            impacts.append({"equipment_id": self.rng.choice(spare).id, "impact": "degraded"})
        else:
            hit = self.rng.choice(impacts)
            hit["impact"] = self.rng.choice([i for i in IMPACTS[:3] if i != hit["impact"]]).value
        with self.by(site.manager):
            incident.change_impacts(impacts=impacts)
        self.touch(incident)

    # -- maintenance ------------------------------------------------------------------------

    def maintenance(self, site: Site) -> Process:
        """Planned days or weeks ahead, sometimes moved or cancelled, started and completed
        on time by the scheduler (or by hand), sometimes extended."""
        rng = self.rng
        pieces = rng.sample(site.pieces, rng.choices([1, 2, 3], weights=[65, 25, 10])[0])
        lead = rng.uniform(2, 30)
        starts_at = (self.today + timedelta(days=lead)).replace(
            hour=rng.choice([8, 9, 10, 14]), minute=0, second=0, microsecond=0
        )
        with self.by(site.manager):
            window = Maintenance(
                copro_id=site.condo.id,
                title=rng.choice(WORKS[pieces[0].category]),
                description="Coupures possibles pendant l’intervention.",
                equipment_ids=[p.id for p in pieces],
                starts_at=starts_at,
                ends_at=starts_at + timedelta(hours=rng.choice([1, 2, 3, 4, 8])),
            )
        self.touch(window)
        plan = rng.random()
        if plan < 0.25:
            yield rng.uniform(0, lead / 2)
            shift = timedelta(days=rng.randint(1, 7))
            changes: dict[str, Any] = (
                {"starts_at": window.starts_at + shift, "ends_at": window.ends_at + shift}
                if plan < 0.15
                else {"description": "Accès aux caves nécessaire."}
            )
            with self.by(site.manager):
                window.edit(changes=changes)
            self.touch(window)
        if plan > 0.9:
            yield rng.uniform(0, lead / 2)
            with self.by(site.manager):
                window.cancel(reason="Prestataire indisponible, reportée.")
            self.touch(window)
            return
        yield max(0.0, days_until(window.starts_at, self.today))
        by_hand = rng.random() < 0.15
        with self.by(site.manager if by_hand else SYSTEM):
            window.start()
        self.touch(window)
        if rng.random() < 0.1:
            yield days_until(window.ends_at, self.today) * rng.uniform(0.5, 0.9)
            with self.by(site.manager):
                window.extend(ends_at=window.ends_at + timedelta(hours=rng.randint(1, 3)))
            self.touch(window)
        yield max(0.0, days_until(window.ends_at, self.today))
        if rng.random() < 0.03:
            with self.by(site.manager):
                window.cancel(reason="Interrompue : pièce manquante.")
        else:
            with self.by(site.manager if by_hand else SYSTEM):
                window.complete()
        self.touch(window)

    # -- money ------------------------------------------------------------------------------

    def monthly(self, site: Site) -> None:
        """The month's invoices (and the quarter's insurance), in the first days."""
        bills = list(MONTHLY_EXPENSES) + ([INSURANCE] if self.today.month in (1, 4, 7, 10) else [])
        for category, supplier, what, cents in bills:
            amount = int(cents * self.rng.uniform(0.85, 1.2))
            self.spawn(
                self.expense(site, category, supplier, amount, what=what), self.rng.uniform(0, 5)
            )

    def ad_hoc_expense(self, site: Site) -> Process:
        category, suppliers, low, high, on_equipment = self.rng.choice(AD_HOC_EXPENSES)
        piece = self.rng.choice(site.pieces) if on_equipment else None
        building = self.rng.choice(site.buildings) if not on_equipment else None
        yield from self.expense(
            site,
            category,
            self.rng.choice(suppliers),
            self.rng.randint(low, high),
            piece=piece,
            building=building,
        )

    def expense(
        self,
        site: Site,
        category: str,
        supplier: str,
        cents: int,
        piece: Equipment | None = None,
        building: Building | None = None,
        what: str | None = None,
    ) -> Process:
        """Recorded (described by what was bought, if said, as the demo's invoices are); a few
        corrected or voided some days later."""
        rng = self.rng
        with self.by(site.manager):
            expense = Expense(
                copro_id=site.condo.id,
                date=self.day(),
                amount_cents=cents,
                category=category,
                supplier=supplier,
                description=f"{what or 'Facture'}, {self.today:%m/%Y}",
                building_id=(building.id if building else piece.building_id if piece else None),
                equipment_id=piece.id if piece else None,
                invoice_ref=f"F{rng.randint(10_000, 99_999)}" if rng.random() < 0.7 else None,
            )
        self.touch(expense)
        fate = rng.random()
        if fate < 0.1:
            yield rng.uniform(1, 30)
            with self.by(site.manager):
                if fate < 0.03:
                    expense.void(reason="Facture en double.")
                elif fate < 0.07:
                    expense.correct(
                        changes={"amount_cents": cents + rng.randint(1, 5_000)},
                        reason="Montant mal saisi.",
                    )
                else:
                    expense.correct(
                        changes={"invoice_ref": f"A{rng.randint(10_000, 99_999)}"},
                        reason="Référence de la facture corrigée.",
                    )
            self.touch(expense)

    def budget(self, site: Site, year: int) -> Process:
        """Proposed, often revised, approved by the general assembly, sometimes amended."""
        rng = self.rng

        def lines() -> dict[str, int]:
            return {c: int(cents * rng.uniform(0.9, 1.15)) for c, cents in BUDGET_LINES.items()}

        with self.by(site.manager):
            budget = Budget(
                id=budget_id_for(site.condo.id, year),
                copro_id=site.condo.id,
                year=year,
                lines=lines(),
            )
        self.touch(budget)
        yield rng.uniform(10, 40)
        if rng.random() < 0.5:
            with self.by(site.manager):
                budget.revise(lines=lines(), reason="Devis d’entretien reçus.")
            self.touch(budget)
            yield rng.uniform(10, 30)
        with self.by(site.manager):
            budget.approve(approved_on=self.day())
        self.touch(budget)
        if rng.random() < 0.3:
            yield rng.uniform(60, 200)
            with self.by(site.manager):
                budget.amend(lines=lines(), reason="Ravalement voté en assemblée générale.")
            self.touch(budget)


def affects(incident: Incident, equipment_id: UUID) -> bool:
    return any(i["equipment_id"] == equipment_id for i in incident.impacts)


def days_until(moment: datetime, now: datetime) -> float:
    return (moment - now).total_seconds() / 86_400


def poisson(rng: random.Random, mean: float) -> int:
    """How many arrivals in a day at this mean rate (Knuth)."""
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count
