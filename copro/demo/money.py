"""What the condo spends in the demo's year, and the budgets it spends against: each month's
invoices (and each quarter's insurance), one mistyped and corrected, one entered twice and
voided; last year's budget, and this year's, prepared, revised, approved at the general
assembly and amended once. The repairs after incidents are recorded with them (see
`copro.demo.incidents`)."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID

from copro.demo.clock import Story
from copro.demo.year import Year

# (category, supplier, what the invoice is for, cents): the screens show the invoice's
# reference beside the description as "Facture …", so the description says what was bought.
MONTHLY_EXPENSES = [
    ("energy", "EDF Collectivités", "Électricité des parties communes", 148_250),
    ("water", "Eau du Grand Lyon", "Eau froide de l’immeuble", 71_300),
    ("cleaning", "Propreté Lyonnaise", "Ménage des halls et escaliers", 98_000),
    ("lift", "Ascenseurs Rhône", "Contrat d’entretien des ascenseurs", 119_900),
    ("management_fees", "Cabinet Syndic Martin", "Forfait de gestion courante", 115_000),
]
INSURANCE = ("insurance", "MMA Entreprises", "Multirisque immeuble", 150_000)  # each quarter
BUDGET_LINES = {
    "energy": 1_800_000,
    "water": 900_000,
    "cleaning": 1_200_000,
    "lift": 1_500_000,
    "insurance": 600_000,
    "repairs": 1_600_000,
    "works": 500_000,
    "management_fees": 1_400_000,
}
FACADE = 2_500_000  # the façade works voted after this year's budget, in cents
MONTHS = 12


def plan_money(year: Year) -> None:
    """The invoices of the last twelve months, each dated the first of its month and entered
    a few days later; the budgets around the general assembly."""
    today = year.clock.end.date()
    for back in range(MONTHS):
        first = month_start(today, back)
        rng = year.dice(f"month {first:%Y-%m}")
        entered = datetime.combine(first, time(9), UTC) + timedelta(days=rng.uniform(1, 4))
        at = year.at_most(max(entered, year.clock.start))
        year.agenda.plan(at, invoices(year, first, rng, back))
    year.agenda.plan(year.day(0, 11), last_years_budget(year))
    year.agenda.plan(assembly(year) - timedelta(days=35), this_years_budget(year))


def invoices(year: Year, first: date, rng: random.Random, back: int) -> Story:
    bills = list(MONTHLY_EXPENSES) + ([INSURANCE] if first.month in (1, 4, 7, 10) else [])
    for category, supplier, what, cents in bills:
        amount = int(cents * rng.uniform(0.9, 1.12))
        recorded = year.condos.record_expense(
            year.manager(),
            year.copro_id,
            date=first,
            amount_cents=amount,
            category=category,
            supplier=supplier,
            description=f"{what}, {first:%m/%Y}",
            invoice_ref=f"{supplier[:3].upper()}-{first:%Y%m}",
        ).id
        if back == 7 and category == "energy":
            year.agenda.plan(year.clock.now + timedelta(days=10), corrected(year, recorded))
        if back == 4 and category == "cleaning":
            year.agenda.plan(year.clock.now, entered_twice(year, first, amount))
        yield year.at_most(year.clock.now + timedelta(minutes=rng.uniform(2, 30)))


def corrected(year: Year, expense_id: UUID) -> Story:
    """Mistyped: the supplier's corrected invoice comes ten days later."""
    amount = year.condos.expense(expense_id).amount_cents
    year.condos.correct_expense(
        year.manager(),
        expense_id,
        {"amount_cents": amount + 12_480},
        reason="Montant mal saisi : facture rectificative d’EDF.",
    )
    yield from ()


def entered_twice(year: Year, first: date, cents: int) -> Story:
    """The same invoice entered again by mistake, voided three days later."""
    twice = year.condos.record_expense(
        year.manager(),
        year.copro_id,
        date=first,
        amount_cents=cents,
        category="cleaning",
        supplier="Propreté Lyonnaise",
        description=f"Ménage des halls et escaliers, {first:%m/%Y}",
    ).id
    yield year.clock.now + timedelta(days=3)
    year.condos.void_expense(year.manager(), twice, reason="Facture saisie deux fois.")


def last_years_budget(year: Year) -> Story:
    """Voted at last year's assembly, before the condo used Copro: entered on the first day
    with the date it was approved."""
    last = year.clock.end.year - 1
    year.condos.set_budget(year.manager(), year.copro_id, last, lines=lines(0.94))
    year.condos.approve_budget(
        year.manager(), year.copro_id, last, approved_on=date(last - 1, 12, 4)
    )
    yield from ()


def this_years_budget(year: Year) -> Story:
    """Prepared five weeks before the assembly, revised when the quotes come, approved on the
    day, amended when the façade works are voted (and their first invoice follows)."""
    this, manager = year.clock.end.year, year.manager
    year.condos.set_budget(manager(), year.copro_id, this, lines=lines(1.0))
    yield assembly(year) - timedelta(days=12)
    revised = lines(1.03)
    year.condos.set_budget(
        manager(), year.copro_id, this, lines=revised, reason="Devis d’entretien reçus."
    )
    yield assembly(year)
    approved_on = year.clock.now.date()
    year.condos.approve_budget(manager(), year.copro_id, this, approved_on=approved_on)
    yield year.at_most(assembly(year) + timedelta(days=60))
    reason = "Ravalement de façade voté en assemblée générale extraordinaire."
    amended = revised | {"works": revised["works"] + FACADE}
    year.condos.set_budget(manager(), year.copro_id, this, lines=amended, reason=reason)
    yield year.at_most(year.clock.now + timedelta(days=5))
    year.condos.record_expense(
        manager(),
        year.copro_id,
        date=year.clock.now.date(),
        amount_cents=FACADE * 3 // 10,
        category="works",
        supplier="BTP Confluence",
        description="Ravalement de façade : acompte de 30 %",
        invoice_ref="BTPC-ACOMPTE-1",
    )


def assembly(year: Year) -> datetime:
    """The general assembly that approves this year's budget: early in December before it,
    or within the demo's year (and ten days before now) when December fell outside it."""
    meeting = datetime(year.clock.end.year - 1, 12, 4, 18, tzinfo=UTC)
    earliest = year.clock.start + timedelta(days=40)
    return min(max(meeting, earliest), year.clock.end - timedelta(days=10))


def lines(scale: float) -> dict[str, int]:
    return {category: int(cents * scale) for category, cents in BUDGET_LINES.items()}


def month_start(today: date, back: int) -> date:
    """The first day of the month `back` months before today's."""
    months = today.year * 12 + today.month - 1 - back
    return date(months // 12, months % 12 + 1, 1)
