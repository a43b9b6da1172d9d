"""What the residents (and a few passers-by) report through the year that is no incident of the
condo's, and how the manager follows it up: answered, worked on, resolved, closed; sometimes
reopened, sometimes closed at once as a duplicate or as nothing the condo can act on. The last
ones are still open today."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from copro.demo.clock import Story
from copro.demo.year import Year
from domain.base import Actor
from domain.ticket import ContactDetails

# Passers-by who report without an account (their details go to the erasable people store).
VISITORS = [
    ContactDetails("Julien Roux", "julien.roux@exemple.fr", "06 12 34 56 78"),
    ContactDetails("Sophie Lambert", "sophie.lambert@exemple.fr"),
    ContactDetails("Marc Vidal, livreur", "marc.vidal@exemple.fr", "07 61 22 45 90"),
    ContactDetails("Aline Chevalier, aide à domicile", "aline.chevalier@exemple.fr"),
]

# How a request ends up: followed up to its close (`done`, `reopened` on the way), closed at
# once with a reason (`duplicate`, `dismissed`), or still open today (`waiting` for a first
# look, `started`, `resolved` but not yet closed).
HISTORY = ("done", "reopened", "duplicate", "dismissed")


@dataclass(frozen=True)
class Request:
    title: str
    description: str
    fate: str
    equipment: tuple[str, ...] = ()
    location: str | None = None
    type: str = "request"
    anonymous: bool = False
    reason: str | None = None  # why it is closed at once, or reopened
    days_ago: float = 0.0  # when a ticket still open today was reported


REQUESTS = [
    Request(
        "Ampoule grillée au 2e étage",
        "L’éclairage du palier du 2e étage ne fonctionne plus depuis hier soir.",
        "done",
        ("Éclairage A",),
        "Palier du 2e étage",
    ),
    Request(
        "Palier du 2e dans le noir",
        "Plus aucune lumière sur le palier du 2e étage.",
        "duplicate",
        ("Éclairage A",),
        "Palier du 2e étage",
        reason="Doublon d’un signalement reçu ce matin : le remplacement de l’ampoule est prévu.",
    ),
    Request(
        "Encombrants dans le local vélos",
        "Un matelas et deux cartons bloquent l’accès aux vélos depuis une semaine.",
        "done",
        location="Local vélos",
    ),
    Request(
        "Boîte aux lettres abîmée",
        "La porte de la boîte aux lettres du lot B31 ne ferme plus.",
        "done",
        location="Hall du bâtiment B",
    ),
    Request(
        "Infiltration au plafond du 5e",
        "Une tache d’humidité s’agrandit au plafond du palier du 5e étage après chaque pluie.",
        "reopened",
        location="Palier du 5e étage",
        reason="La tache est revenue après les orages de cette semaine.",
    ),
    Request(
        "Badge supplémentaire pour la grille",
        "Pourrais-je avoir un deuxième badge pour la grille piéton ? Ma fille vit avec nous.",
        "done",
        ("Grille piéton",),
    ),
    Request(
        "Tags sur la porte du parking",
        "Des tags ont été faits cette nuit sur la porte du parking, côté rue.",
        "done",
        ("Porte parking",),
        "Parking",
        anonymous=True,
    ),
    Request(
        "Nid de guêpes au-dessus de l’entrée B",
        "Un nid de guêpes s’est formé sous l’avancée au-dessus de la porte d’entrée.",
        "done",
        ("Porte d'entrée B",),
        "Entrée du bâtiment B",
    ),
    Request(
        "Bruit de la VMC la nuit",
        "La ventilation fait un bruit de claquement toutes les nuits vers 2 h.",
        "reopened",
        location="Combles du bâtiment A",
        reason="Le claquement a repris depuis trois nuits.",
    ),
    Request(
        "VMC bruyante",
        "Un claquement dans la ventilation réveille tout le 5e étage chaque nuit.",
        "duplicate",
        location="Bâtiment A, 5e étage",
        reason="Doublon : le bruit de la VMC est déjà signalé, l’entreprise passe cette semaine.",
    ),
    Request(
        "Stationnement gênant devant la grille",
        "Une voiture stationne tous les soirs devant la grille et bloque la sortie.",
        "dismissed",
        ("Grille voiture",),
        "Rue des Tilleuls",
        anonymous=True,
        reason="La rue relève de la police municipale : nous lui avons transmis votre signalement.",
    ),
    Request(
        "Porte de cave fracturée",
        "La porte de la cave n° 14 a été forcée cette nuit.",
        "done",
        location="Caves du bâtiment B",
    ),
    Request(
        "Escalier B pas nettoyé",
        "L’escalier du bâtiment B n’a pas été nettoyé cette semaine.",
        "done",
        location="Escalier B",
    ),
    Request(
        "Télécommande du parking perdue",
        "J’ai perdu ma télécommande de parking : comment en obtenir une nouvelle ?",
        "done",
        ("Grille voiture",),
    ),
    Request(
        "Fuite au robinet du local poubelles",
        "Le robinet du local poubelles goutte en permanence.",
        "done",
        ("Eau froide A",),
        "Local poubelles",
        "incident",
    ),
    Request(
        "Musique forte le soir au 3e",
        "Des voisins du 3e écoutent de la musique très fort chaque soir après 23 h.",
        "dismissed",
        location="Bâtiment A, 3e étage",
        reason="Un différend entre voisins ne relève pas du syndic : voyez le règlement intérieur.",
    ),
    Request(
        "Touches du digicode effacées",
        "Les touches du digicode de l’entrée A sont effacées, on ne lit plus les chiffres.",
        "done",
        ("Porte d'entrée A",),
        "Entrée du bâtiment A",
        "incident",
    ),
    Request(
        "Miroir cassé dans l’ascenseur A2",
        "Le miroir du fond de la cabine est fendu, attention aux enfants.",
        "done",
        ("Ascenseur A2",),
        type="incident",
    ),
    Request(
        "Copie du règlement de copropriété",
        "Pourriez-vous m’envoyer le règlement de copropriété à jour ?",
        "done",
    ),
    Request(
        "Porte du local poubelles qui claque",
        "Le groom de la porte du local poubelles est cassé, la porte claque jour et nuit.",
        "done",
        location="Local poubelles",
    ),
    Request(
        "Lumière du local vélos toujours allumée",
        "La lumière du local vélos reste allumée jour et nuit.",
        "resolved",
        ("Éclairage B",),
        "Local vélos",
        days_ago=4,
    ),
    Request(
        "Interphone qui grésille",
        "L’interphone du lot A24 grésille, on entend mal les visiteurs.",
        "started",
        ("Porte d'entrée A",),
        "Lot A24",
        "incident",
        days_ago=6,
    ),
    Request(
        "Arrosage du jardin arrêté",
        "Les massifs devant le bâtiment A sèchent : l’arrosage automatique semble arrêté.",
        "started",
        location="Jardin",
        days_ago=2.5,
    ),
    Request(
        "Ampoule grillée au 4e étage",
        "Plus de lumière sur le palier du 4e depuis ce matin.",
        "waiting",
        ("Éclairage B",),
        "Palier du 4e étage",
        days_ago=0.3,
    ),
    Request(
        "Porte du parking lente à s’ouvrir",
        "La porte met très longtemps à s’ouvrir le matin, la file de voitures déborde sur la rue.",
        "waiting",
        ("Porte parking",),
        "Parking",
        "incident",
        anonymous=True,
        days_ago=1.2,
    ),
]

REPLIES = [
    "Merci pour votre signalement, nous regardons cela.",
    "Bien reçu, nous revenons vers vous rapidement.",
    "Merci, le prestataire est prévenu.",
]
STARTS = ["Le prestataire est prévenu.", "Intervention prévue cette semaine.", None]
COMMENTS = [
    "Devis demandé au prestataire.",
    "Relancer le prestataire lundi.",
    "À voir avec le conseil syndical.",
]
DONE = ["C’est fait, merci de votre signalement.", "Le nécessaire a été fait.", None]


def plan_requests(year: Year) -> None:
    """The year's requests, about evenly spread from its second week, a duplicate a few hours
    after the report it repeats; those still open today were reported in the last days."""
    history = [r for r in REQUESTS if r.fate in HISTORY]
    spacing = 340 / len(history)
    at = year.day(0)
    for number, request in enumerate(REQUESTS):
        rng = year.dice(f"request {number}")
        if request.fate not in HISTORY:
            at = year.ago(days=request.days_ago)
        elif request.fate == "duplicate":
            at = at + timedelta(hours=rng.uniform(3, 9))
        else:
            at = year.day(10 + history.index(request) * spacing, rng.uniform(7, 21))
        year.agenda.plan(at, requested(year, request, rng))


def requested(year: Year, request: Request, rng: random.Random) -> Story:
    """Reported, then followed up as far as its fate goes."""
    ticket = report(
        year,
        rng,
        title=request.title,
        description=request.description,
        equipment=request.equipment,
        location=request.location,
        type=request.type,
        anonymous=request.anonymous,
    )
    if request.fate in ("duplicate", "dismissed"):
        yield year.clock.now + timedelta(hours=rng.uniform(1, 20))
        year.condos.close_ticket(year.manager(), ticket, reason=request.reason)
    elif request.fate != "waiting":
        yield from followed_up(year, request, ticket, rng)


def followed_up(year: Year, request: Request, ticket: UUID, rng: random.Random) -> Story:
    """Answered, assigned, worked on, resolved, then closed; reopened on the way if its fate
    says so. Tickets still open today go as far as their fate and at a quicker pace."""
    pace = 0.15 if request.days_ago else 1.0
    condos, manager = year.condos, year.manager
    yield year.at_most(year.clock.now + timedelta(hours=pace * rng.uniform(2, 20)))
    condos.reply_to_ticket(manager(), ticket, text=rng.choice(REPLIES))
    condos.assign_ticket(manager(), ticket, assignee_id=year.manager_id)
    yield year.at_most(year.clock.now + timedelta(days=pace * rng.uniform(0.5, 3)))
    condos.start_ticket(manager(), ticket, message=rng.choice(STARTS))
    if rng.random() < 0.6:
        condos.comment_on_ticket(manager(), ticket, text=rng.choice(COMMENTS))
    if request.fate == "started":
        return
    yield year.at_most(year.clock.now + timedelta(days=pace * rng.uniform(1, 10)))
    condos.resolve_ticket(manager(), ticket, message=rng.choice(DONE))
    if request.fate == "resolved":
        return
    if request.fate == "reopened":
        yield year.clock.now + timedelta(days=rng.uniform(3, 20))
        condos.reopen_ticket(manager(), ticket, reason=request.reason)
        condos.reply_to_ticket(manager(), ticket, text="Nous faisons revenir l’entreprise.")
        yield year.clock.now + timedelta(days=rng.uniform(2, 8))
        condos.resolve_ticket(manager(), ticket, message="Réparé pour de bon cette fois.")
    yield year.clock.now + timedelta(days=rng.uniform(2, 7))
    condos.close_ticket(manager(), ticket)


def report(
    year: Year,
    rng: random.Random,
    *,
    title: str,
    description: str,
    equipment: tuple[str, ...] = (),
    location: str | None = None,
    type: str = "request",
    anonymous: bool = False,
    reporter: UUID | None = None,
) -> UUID:
    """A ticket reported now: by a passer-by, by that resident, or by a resident of the
    building concerned."""
    if reporter is None and not anonymous:
        reporter = year.resident(rng, year.letter_of(equipment[0]) if equipment else "")
    return year.condos.report_ticket(
        Actor(str(reporter)) if reporter else Actor.anonymous(),
        year.copro_id,
        type=type,
        title=title,
        description=description,
        equipment_ids=[year.equipment[name] for name in equipment],
        location=location,
        reporter=rng.choice(VISITORS) if anonymous else None,
    ).id
