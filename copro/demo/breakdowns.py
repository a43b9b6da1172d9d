"""What broke at Les Tilleuls in the demo's year, in the order it happened: each breakdown
becomes an incident, resolved hours or days later, that residents may report and that may
cost a repair."""

from __future__ import annotations

from dataclasses import dataclass

MAJOR, PARTIAL, DEGRADED = "major_outage", "partial_outage", "degraded"


@dataclass(frozen=True)
class Breakdown:
    title: str
    message: str  # what the incident says when it opens
    impacts: tuple[tuple[str, str], ...]  # equipment name, impact
    fix: str  # what the resolving update says
    hours: float  # about how long it lasts
    reports: int = 0  # residents' (or passers-by's) tickets joining it
    converted: bool = False  # opened from the first of those tickets
    repair: tuple[str, int] | None = None  # the invoice that follows it: supplier, cents
    worse: tuple[str, str] | None = None  # an impact changed (or added) on the way
    reopened: bool = False  # resolved too early: back in progress, then resolved again


LIFTS = "Ascenseurs Rhône"
PLUMBER = "Plomberie Lyonnaise"
ELECTRICIAN = "Élec Services"
GATES = "Automatismes Lyonnais"
LOCKSMITH = "Serrurerie Martin"

BREAKDOWNS = [
    Breakdown(
        "Ascenseur A1 bloqué au 4e étage",
        "L’ascenseur A1 est bloqué au 4e étage, personne à l’intérieur. Le dépanneur est prévenu.",
        (("Ascenseur A1", MAJOR),),
        "Carte de commande remplacée, ascenseur remis en service.",
        7,
        reports=2,
        converted=True,
        repair=(LIFTS, 68_000),
    ),
    Breakdown(
        "Fuite d’eau froide au sous-sol A",
        "Une fuite inonde le sous-sol du bâtiment A ; la pression baisse dans les étages.",
        (("Eau froide A", PARTIAL),),
        "Joint de la vanne principale remplacé.",
        5,
        reports=1,
        repair=(PLUMBER, 32_000),
    ),
    Breakdown(
        "Grille voiture bloquée ouverte",
        "La grille voiture reste ouverte : le parking n’est plus fermé.",
        (("Grille voiture", PARTIAL),),
        "Moteur de la grille remplacé.",
        26,
        reports=1,
        repair=(GATES, 145_000),
    ),
    Breakdown(
        "Coupure d’électricité dans le bâtiment B",
        "Le bâtiment B est privé de courant ; les ascenseurs sont à l’arrêt.",
        (
            ("Électricité B", MAJOR),
            ("Ascenseur B1", MAJOR),
            ("Ascenseur B2", MAJOR),
            ("Éclairage B", PARTIAL),
        ),
        "Courant rétabli après le passage d’Enedis, disjoncteur général réarmé.",
        4,
        reports=3,
    ),
    Breakdown(
        "Plus d’eau chaude dans le bâtiment A",
        "Le ballon d’eau chaude du bâtiment A ne chauffe plus.",
        (("Eau chaude A", MAJOR),),
        "Résistance du ballon remplacée, l’eau chaude revient dans la soirée.",
        30,
        reports=2,
        converted=True,
        repair=(PLUMBER, 89_000),
    ),
    Breakdown(
        "Éclairage des paliers en panne (bâtiment A)",
        "Les minuteries des paliers du bâtiment A ne déclenchent plus l’éclairage.",
        (("Éclairage A", PARTIAL),),
        "Minuterie remplacée.",
        20,
        repair=(ELECTRICIAN, 18_500),
    ),
    Breakdown(
        "Ascenseur B2 : portes qui ne se ferment plus",
        "Les portes de l’ascenseur B2 se rouvrent sans cesse ; il reste utilisable par moments.",
        (("Ascenseur B2", PARTIAL),),
        "Moteur de porte remplacé.",
        50,
        reports=2,
        converted=True,
        repair=(LIFTS, 124_000),
        worse=("Ascenseur B2", MAJOR),
    ),
    Breakdown(
        "Porte d’entrée B : ventouse défaillante",
        "La porte d’entrée du bâtiment B ne se verrouille plus.",
        (("Porte d'entrée B", DEGRADED),),
        "Ventouse magnétique remplacée.",
        8,
        repair=(LOCKSMITH, 21_000),
    ),
    Breakdown(
        "Badges refusés à la grille piéton",
        "Le lecteur de la grille piéton refuse les badges ; utilisez l’interphone.",
        (("Grille piéton", PARTIAL),),
        "Lecteur de badges reprogrammé.",
        6,
        reports=2,
    ),
    Breakdown(
        "Ascenseur A2 à l’arrêt",
        "L’ascenseur A2 est à l’arrêt. Merci d’utiliser l’ascenseur A1.",
        (("Ascenseur A2", MAJOR),),
        "Variateur remplacé, ascenseur remis en service.",
        72,
        reports=1,
        repair=(LIFTS, 210_000),
        reopened=True,
    ),
    Breakdown(
        "Pression d’eau très faible (bâtiment B)",
        "L’eau coule très faiblement dans les étages du bâtiment B.",
        (("Eau froide B", DEGRADED), ("Eau chaude B", DEGRADED)),
        "Surpresseur réarmé et purgé.",
        10,
        reports=1,
        repair=(PLUMBER, 15_000),
    ),
    Breakdown(
        "La porte du parking ne s’ouvre plus",
        "La porte du parking reste fermée : sortie par la grille piéton uniquement.",
        (("Porte parking", MAJOR),),
        "Carte électronique de la porte remplacée.",
        28,
        reports=2,
        converted=True,
        repair=(GATES, 96_000),
    ),
    Breakdown(
        "Ascenseur B1 en panne",
        "L’ascenseur B1 ne répond plus aux appels.",
        (("Ascenseur B1", MAJOR),),
        "Contacteur de sécurité remplacé.",
        5,
        reports=1,
    ),
    Breakdown(
        "Éclairage du hall A en panne",
        "Le hall du bâtiment A est dans le noir.",
        (("Éclairage A", PARTIAL),),
        "Fusible remplacé.",
        3,
    ),
    Breakdown(
        "Eau chaude tiède dans le bâtiment B",
        "L’eau chaude du bâtiment B ne dépasse pas 35 °C.",
        (("Eau chaude B", DEGRADED),),
        "Thermostat du ballon remplacé.",
        48,
        reports=1,
        repair=(PLUMBER, 27_000),
    ),
    Breakdown(
        "Ascenseur A1 : arrêts entre deux étages",
        "L’ascenseur A1 s’arrête parfois entre deux étages.",
        (("Ascenseur A1", PARTIAL),),
        "Capteurs de niveau réglés.",
        9,
    ),
    Breakdown(
        "Grille voiture : télécommandes sans effet",
        "Les télécommandes n’ouvrent plus la grille voiture ; le badge fonctionne toujours.",
        (("Grille voiture", PARTIAL),),
        "Récepteur radio remplacé.",
        24,
        reports=2,
        repair=(GATES, 38_000),
    ),
    Breakdown(
        "Fuite sur la colonne d’eau chaude A",
        "Une fuite sur la colonne d’eau chaude oblige à couper l’eau par moments.",
        (("Eau chaude A", PARTIAL), ("Eau froide A", DEGRADED)),
        "Tronçon de colonne remplacé.",
        30,
        reports=2,
        repair=(PLUMBER, 186_000),
        worse=("Eau chaude A", MAJOR),
    ),
    Breakdown(
        "Coupure de courant dans tout le quartier",
        "Panne du réseau : plus de courant, ascenseurs et portes automatiques à l’arrêt.",
        (
            ("Électricité A", MAJOR),
            ("Électricité B", MAJOR),
            ("Ascenseur A1", MAJOR),
            ("Ascenseur A2", MAJOR),
            ("Ascenseur B1", MAJOR),
            ("Ascenseur B2", MAJOR),
            ("Porte parking", PARTIAL),
        ),
        "Courant rétabli par Enedis.",
        3,
        reports=3,
    ),
    Breakdown(
        "Porte d’entrée A forcée",
        "La porte d’entrée du bâtiment A a été forcée cette nuit et ne ferme plus.",
        (("Porte d'entrée A", MAJOR),),
        "Serrure et gâche remplacées.",
        20,
        reports=1,
        converted=True,
        repair=(LOCKSMITH, 54_000),
    ),
    Breakdown(
        "Ascenseur B2 bloqué",
        "L’ascenseur B2 est bloqué au rez-de-chaussée.",
        (("Ascenseur B2", MAJOR),),
        "Câble de commande réparé.",
        6,
        reports=1,
    ),
    Breakdown(
        "Éclairage de l’escalier B en panne",
        "L’éclairage de la cage d’escalier du bâtiment B ne fonctionne plus.",
        (("Éclairage B", PARTIAL),),
        "Luminaires LED remplacés.",
        30,
        repair=(ELECTRICIAN, 42_000),
    ),
    Breakdown(
        "Ascenseur A2 bruyant",
        "L’ascenseur A2 fonctionne mais fait un bruit anormal ; le technicien est prévenu.",
        (("Ascenseur A2", DEGRADED),),
        "Galets de porte remplacés.",
        26,
        reports=1,
    ),
    Breakdown(
        "Plus d’eau froide au 3e étage (bâtiment B)",
        "Le 3e étage du bâtiment B est privé d’eau froide.",
        (("Eau froide B", PARTIAL),),
        "Vanne d’étage débloquée.",
        6,
        reports=1,
    ),
    Breakdown(
        "Grille piéton bloquée fermée",
        "La grille piéton ne s’ouvre plus : passez par la grille voiture.",
        (("Grille piéton", MAJOR),),
        "Gâche électrique remplacée.",
        4,
        reports=2,
        repair=(GATES, 31_000),
    ),
    Breakdown(
        "Disjoncteur des parties communes A",
        "Le disjoncteur des parties communes du bâtiment A saute à répétition.",
        (("Électricité A", PARTIAL), ("Éclairage A", PARTIAL)),
        "Défaut d’isolement trouvé et réparé sur l’éclairage du sous-sol.",
        10,
        repair=(ELECTRICIAN, 64_000),
    ),
    Breakdown(
        "Ascenseur B1 : bouton d’appel hors service",
        "Le bouton d’appel du rez-de-chaussée de l’ascenseur B1 ne fonctionne plus.",
        (("Ascenseur B1", DEGRADED),),
        "Bouton d’appel remplacé.",
        50,
        reports=1,
    ),
    Breakdown(
        "Porte du parking : cellule de sécurité défaillante",
        "La porte du parking se referme mal ; passez prudemment.",
        (("Porte parking", PARTIAL),),
        "Cellule de sécurité remplacée.",
        8,
        reports=1,
        converted=True,
        repair=(GATES, 22_000),
    ),
    Breakdown(
        "Ascenseur A1 en panne",
        "L’ascenseur A1 s’est mis en sécurité après une surchauffe du moteur.",
        (("Ascenseur A1", MAJOR),),
        "Ventilation du local machinerie réparée, ascenseur remis en service.",
        28,
        reports=2,
        repair=(LIFTS, 87_000),
    ),
    Breakdown(
        "Eau chaude coupée dans le bâtiment B",
        "Plus d’eau chaude dans le bâtiment B.",
        (("Eau chaude B", MAJOR),),
        "Circulateur remplacé.",
        7,
        reports=2,
        converted=True,
        repair=(PLUMBER, 41_000),
    ),
    Breakdown(
        "Porte d’entrée B : ne ferme plus",
        "La porte d’entrée du bâtiment B reste entrouverte.",
        (("Porte d'entrée B", PARTIAL),),
        "Ferme-porte réglé.",
        5,
    ),
    Breakdown(
        "Ascenseur B2 : arrêt d’urgence déclenché",
        "L’ascenseur B2 s’est arrêté après un appui sur l’arrêt d’urgence.",
        (("Ascenseur B2", MAJOR),),
        "Ascenseur contrôlé et remis en service.",
        4,
        reports=1,
    ),
    Breakdown(
        "Éclairage du hall B intermittent",
        "L’éclairage du hall du bâtiment B s’éteint par moments.",
        (("Éclairage B", DEGRADED),),
        "Contacteur remplacé.",
        30,
        repair=(ELECTRICIAN, 16_000),
    ),
    Breakdown(
        "Grille voiture à l’arrêt",
        "La grille voiture est à l’arrêt, en position fermée.",
        (("Grille voiture", MAJOR),),
        "Fin de course réglé, grille remise en service.",
        6,
        reports=1,
    ),
]
