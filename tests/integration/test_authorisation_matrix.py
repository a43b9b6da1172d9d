"""Who may call each command route: anonymous, a resident, an auditor, a manager of another
condo and a manager of this condo, against every command route, on both stores.

Each route gets a fresh target; the refused callers go first (a refusal changes nothing),
the manager last. The whole matrix is compared at once, so a failure shows every cell.

Every command route of the command API's OpenAPI document must be in the matrix (a new route
fails the test until it is added), and an auditor of the condo is refused (403) on each, but
for the few routes about the caller's own session or invitations: auditors read, they never
write."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

from copro.tokens import issue_token
from domain.application import Condos
from domain.base import Actor
from tests.conftest import SECRET
from tests.integration.api import Api, condo

CALLERS = ["anonymous", "resident", "auditor", "outsider", "manager"]
MANAGED = {"anonymous": 401, "resident": 403, "auditor": 403, "outsider": 404}
# What only its invitee may answer: an invitation to this condo's manager from another condo.
INVITEES = {"anonymous": 401, "resident": 404, "auditor": 404, "outsider": 404}
# The platform's own: no condo to be outside of, and none of these callers an operator.
PLATFORM = {"anonymous": 401, "resident": 403, "auditor": 403, "outsider": 403, "manager": 403}
# Routes about the caller themselves, not about a condo: an auditor may use them.
OWN = {
    "POST /auth/login",
    "POST /auth/register",
    "POST /auth/password",
    "POST /invitations/{invitation_id}/accept",
    "POST /invitations/{invitation_id}/decline",
}
MANAGER_EMAIL = "manager@example.org"
counter = itertools.count()


@dataclass
class World:
    condos: Condos
    copro_id: UUID
    building_id: UUID
    lift_id: UUID
    manager: Actor
    resident: Actor
    headers: dict[str, dict[str, str]]
    # The target of the route being tried (a link needs the incident made beside the ticket).
    last: dict[str, Any] = field(default_factory=dict)

    def fresh_name(self) -> str:
        return f"Objet {next(counter)}"

    def building(self) -> UUID:
        return self.condos.add_building(self.manager, self.copro_id, name=self.fresh_name()).id

    def equipment(self) -> UUID:
        return self.condos.install_equipment(
            self.manager,
            self.copro_id,
            building_id=self.building_id,
            name=self.fresh_name(),
            category="lift",
        ).id

    def ticket(self, *then: str) -> UUID:
        ticket = self.condos.report_ticket(
            self.resident,
            self.copro_id,
            type="incident",
            title="Ascenseur bloqué",
            description="Il ne répond plus aux appels.",
            equipment_ids=[self.lift_id],
        ).id
        for step in then:
            getattr(self.condos, f"{step}_ticket")(self.manager, ticket)
        return ticket

    def incident(self) -> UUID:
        return self.condos.open_incident(
            self.manager,
            self.copro_id,
            title="Panne",
            message="En panne.",
            impacts=[{"equipment_id": self.lift_id, "impact": "degraded"}],
        ).id

    def maintenance(self, started: bool = False) -> UUID:
        now = datetime.now(UTC)
        window = self.condos.schedule_maintenance(
            self.manager,
            self.copro_id,
            title="Révision",
            equipment_ids=[self.lift_id],
            starts_at=now + timedelta(days=3),
            ends_at=now + timedelta(days=3, hours=2),
        ).id
        if started:
            self.condos.start_maintenance(self.manager, window)
        return window

    def expense(self) -> UUID:
        return self.condos.record_expense(
            self.manager,
            self.copro_id,
            date=date(2026, 1, 15),
            amount_cents=12_345,
            category="repairs",
            supplier="Serrurerie",
        ).id

    def budget_year(self, exists: bool) -> int:
        year = 2040 + next(counter) % 50
        if exists:
            self.condos.set_budget(self.manager, self.copro_id, year, lines={"lift": 100_000})
        return year

    def pending_account(self) -> UUID:
        email = f"pending{next(counter)}@example.org"
        return self.condos.sign_up(
            Actor.anonymous(),
            self.copro_id,
            email=email,
            password_hash="x",
            first_name="P",
            last_name="Q",
            building_id=self.building_id,
        ).id

    def active_account(self) -> UUID:
        email = f"active{next(counter)}@example.org"
        return self.condos.appoint_member(
            self.manager, self.copro_id, email=email, first_name="A", last_name="B", role="resident"
        ).id

    def invitation(self) -> UUID:
        """An invitation from this condo to a new email."""
        email = f"invited{next(counter)}@example.org"
        return self.condos.invite_member(
            self.manager, self.copro_id, email=email, role="auditor"
        ).id

    def invitation_to_the_manager(self) -> UUID:
        """An invitation to this condo's manager from a condo of its own."""
        system = Actor.system()
        name = self.fresh_name()
        elsewhere = self.condos.register_copro(
            system, name=name, address="2 rue", postal_code="69002", city="Lyon"
        ).id
        return self.condos.invite_member(system, elsewhere, email=MANAGER_EMAIL, role="auditor").id


Body = Callable[[World, str], Any]


@dataclass
class Route:
    verb: str
    path: str
    target: Callable[[World], dict[str, Any]]
    body: Body = lambda w, caller: None
    ok: int = 200
    refused: dict[str, int] | None = None  # defaults to MANAGED


def ticket_body(w: World, caller: str) -> dict[str, Any]:
    body = {"type": "request", "title": "Porte qui grince", "description": "La porte grince fort."}
    if caller == "anonymous":
        body["reporter"] = {"name": "Jean Dupont", "email": "jean@example.org"}
    return body


def window(days: int) -> dict[str, str]:
    now = datetime.now(UTC)
    return {
        "starts_at": (now + timedelta(days=days)).isoformat(),
        "ends_at": (now + timedelta(days=days, hours=1)).isoformat(),
    }


ROUTES = [
    Route(
        "POST",
        "/copros",
        lambda w: {},
        lambda w, c: {"name": "Autre", "address": "1 rue", "postal_code": "75001", "city": "Paris"},
        refused={
            "anonymous": 401,
            "resident": 403,
            "auditor": 403,
            "outsider": 403,
            "manager": 403,
        },
    ),
    Route(
        "PATCH",
        "/copros/{copro_id}",
        lambda w: {"copro_id": w.copro_id},
        lambda w, c: {"city": "Lyon"},
    ),
    Route(
        "POST",
        "/copros/{copro_id}/members",
        lambda w: {"copro_id": w.copro_id},
        lambda w, c: {
            "email": f"new{next(counter)}@example.org",
            "first_name": "N",
            "last_name": "M",
            "role": "resident",
        },
        201,
    ),
    Route(
        "PUT",
        "/copros/{copro_id}/members/{account_id}/role",
        lambda w: {"copro_id": w.copro_id, "account_id": w.active_account()},
        lambda w, c: {"role": "auditor"},
    ),
    Route(
        "POST",
        "/copros/{copro_id}/invitations",
        lambda w: {"copro_id": w.copro_id},
        lambda w, c: {"email": f"invited{next(counter)}@example.org", "role": "resident"},
        201,
    ),
    Route(
        "POST",
        "/invitations/{invitation_id}/accept",
        lambda w: {"invitation_id": w.invitation_to_the_manager()},
        refused=INVITEES,
    ),
    Route(
        "POST",
        "/invitations/{invitation_id}/decline",
        lambda w: {"invitation_id": w.invitation_to_the_manager()},
        refused=INVITEES,
    ),
    Route(
        "POST", "/invitations/{invitation_id}/cancel", lambda w: {"invitation_id": w.invitation()}
    ),
    Route("POST", "/accounts/{account_id}/activate", lambda w: {"account_id": w.pending_account()}),
    Route(
        "POST", "/accounts/{account_id}/deactivate", lambda w: {"account_id": w.active_account()}
    ),
    Route(
        "POST",
        "/copros/{copro_id}/buildings",
        lambda w: {"copro_id": w.copro_id},
        lambda w, c: {"name": w.fresh_name()},
        201,
    ),
    Route(
        "PATCH",
        "/buildings/{building_id}",
        lambda w: {"building_id": w.building()},
        lambda w, c: {"description": "Au fond"},
    ),
    Route("POST", "/buildings/{building_id}/archive", lambda w: {"building_id": w.building()}),
    Route(
        "POST",
        "/copros/{copro_id}/equipment",
        lambda w: {"copro_id": w.copro_id},
        lambda w, c: {
            "building_id": str(w.building_id),
            "name": w.fresh_name(),
            "category": "lift",
        },
        201,
    ),
    Route(
        "PATCH",
        "/equipment/{equipment_id}",
        lambda w: {"equipment_id": w.equipment()},
        lambda w, c: {"location": "Hall"},
    ),
    Route("POST", "/equipment/{equipment_id}/retire", lambda w: {"equipment_id": w.equipment()}),
    Route(
        "PUT",
        "/equipment/{equipment_id}/status",
        lambda w: {"equipment_id": w.equipment()},
        lambda w, c: {"status": "degraded"},
    ),
    Route(
        "POST",
        "/copros/{copro_id}/tickets",
        lambda w: {"copro_id": w.copro_id},
        ticket_body,
        201,
        refused={"anonymous": 201, "resident": 201, "outsider": 404},
    ),
    Route(
        "POST",
        "/tickets/{ticket_id}/assign",
        lambda w: {"ticket_id": w.ticket()},
        lambda w, c: {"assignee_id": w.manager.id},
    ),
    Route(
        "POST", "/tickets/{ticket_id}/start", lambda w: {"ticket_id": w.ticket()}, lambda w, c: {}
    ),
    Route(
        "POST",
        "/tickets/{ticket_id}/resolve",
        lambda w: {"ticket_id": w.ticket("start")},
        lambda w, c: {},
    ),
    Route(
        "POST",
        "/tickets/{ticket_id}/close",
        lambda w: {"ticket_id": w.ticket()},
        lambda w, c: {"reason": "Doublon"},
    ),
    Route(
        "POST",
        "/tickets/{ticket_id}/reopen",
        lambda w: {"ticket_id": w.ticket("start", "resolve")},
        lambda w, c: {"reason": "Encore"},
    ),
    Route(
        "POST",
        "/tickets/{ticket_id}/comments",
        lambda w: {"ticket_id": w.ticket()},
        lambda w, c: {"text": "Vu"},
        201,
    ),
    Route(
        "POST",
        "/tickets/{ticket_id}/replies",
        lambda w: {"ticket_id": w.ticket()},
        lambda w, c: {"text": "Merci"},
        201,
    ),
    Route(
        "POST",
        "/tickets/{ticket_id}/convert",
        lambda w: {"ticket_id": w.ticket()},
        lambda w, c: {},
        201,
    ),
    Route(
        "POST",
        "/tickets/{ticket_id}/link",
        lambda w: {"ticket_id": w.ticket(), "incident": w.incident()},
        lambda w, c: {"incident_id": str(w.last["incident"])},
    ),
    Route(
        "POST",
        "/copros/{copro_id}/incidents",
        lambda w: {"copro_id": w.copro_id},
        lambda w, c: {
            "title": "Panne",
            "message": "En panne",
            "impacts": [{"equipment_id": str(w.lift_id), "impact": "degraded"}],
        },
        201,
    ),
    Route(
        "PATCH",
        "/incidents/{incident_id}",
        lambda w: {"incident_id": w.incident()},
        lambda w, c: {"title": "Panne longue"},
    ),
    Route(
        "POST",
        "/incidents/{incident_id}/updates",
        lambda w: {"incident_id": w.incident()},
        lambda w, c: {"message": "On y va", "status": "in_progress"},
    ),
    Route(
        "POST",
        "/incidents/{incident_id}/comments",
        lambda w: {"incident_id": w.incident()},
        lambda w, c: {"text": "Vu"},
        201,
    ),
    Route(
        "POST",
        "/copros/{copro_id}/maintenances",
        lambda w: {"copro_id": w.copro_id},
        lambda w, c: {"title": "Révision", "equipment_ids": [str(w.lift_id)], **window(5)},
        201,
    ),
    Route(
        "PATCH",
        "/maintenances/{maintenance_id}",
        lambda w: {"maintenance_id": w.maintenance()},
        lambda w, c: {"title": "Révision complète"},
    ),
    Route(
        "POST",
        "/maintenances/{maintenance_id}/start",
        lambda w: {"maintenance_id": w.maintenance()},
    ),
    Route(
        "POST",
        "/maintenances/{maintenance_id}/extend",
        lambda w: {"maintenance_id": w.maintenance()},
        lambda w, c: {"ends_at": (datetime.now(UTC) + timedelta(days=4)).isoformat()},
    ),
    Route(
        "POST",
        "/maintenances/{maintenance_id}/complete",
        lambda w: {"maintenance_id": w.maintenance(started=True)},
    ),
    Route(
        "POST",
        "/maintenances/{maintenance_id}/cancel",
        lambda w: {"maintenance_id": w.maintenance()},
        lambda w, c: {},
    ),
    Route(
        "POST",
        "/copros/{copro_id}/expenses",
        lambda w: {"copro_id": w.copro_id},
        lambda w, c: {
            "date": "2026-02-01",
            "amount_cents": 5000,
            "category": "cleaning",
            "supplier": "Nettoyage",
        },
        201,
    ),
    Route(
        "POST",
        "/expenses/{expense_id}/corrections",
        lambda w: {"expense_id": w.expense()},
        lambda w, c: {"amount_cents": 13_000, "reason": "Erreur de saisie"},
    ),
    Route(
        "POST",
        "/expenses/{expense_id}/void",
        lambda w: {"expense_id": w.expense()},
        lambda w, c: {"reason": "Doublon"},
    ),
    Route(
        "PUT",
        "/copros/{copro_id}/budgets/{year}",
        lambda w: {"copro_id": w.copro_id, "year": w.budget_year(False)},
        lambda w, c: {"lines": {"lift": 120_000}},
        201,
    ),
    Route(
        "POST",
        "/copros/{copro_id}/budgets/{year}/approve",
        lambda w: {"copro_id": w.copro_id, "year": w.budget_year(True)},
        lambda w, c: {"approved_on": "2026-03-01"},
    ),
    Route(
        "POST",
        "/people/erase",
        lambda w: {},
        lambda w, c: {"email": "resident@example.org"},
        refused=PLATFORM,
    ),
    *(
        Route(
            "POST",
            f"/ops/projections/{{name}}/{command}",
            lambda w: {"name": "ledger"},
            refused=PLATFORM,
        )
        for command in ("rebuild", "pause", "resume", "reset")
    ),
]


def test_every_command_route_answers_each_kind_of_caller_as_the_rules_say(
    api: Api, admin: dict[str, str]
) -> None:
    condos: Condos = api.client.app.condos  # type: ignore[attr-defined]
    copro_id = UUID(condo(api, admin)["id"])
    other_id = UUID(condo(api, admin, "Le Parc")["id"])
    system = Actor.system()
    building_id = condos.add_building(system, copro_id, name="Bâtiment A").id
    lift_id = condos.install_equipment(
        system, copro_id, building_id=building_id, name="Ascenseur", category="lift"
    ).id
    people = {
        "manager": (copro_id, "manager", MANAGER_EMAIL),
        "resident": (copro_id, "resident", "resident@example.org"),
        "auditor": (copro_id, "auditor", "auditor@example.org"),
        "outsider": (other_id, "manager", "outsider@example.org"),
    }
    headers: dict[str, dict[str, str]] = {"anonymous": {}}
    actors: dict[str, Actor] = {}
    for caller, (where, role, email) in people.items():
        account = condos.appoint_member(
            system, where, email=email, first_name="X", last_name="Y", role=role
        ).id
        actors[caller] = Actor(str(account))
        token = issue_token(account, 0, SECRET, timedelta(minutes=10))
        headers[caller] = {"Authorization": f"Bearer {token}"}
    world = World(
        condos, copro_id, building_id, lift_id, actors["manager"], actors["resident"], headers
    )
    api.client.app.command_app.state.anonymous_ticket_limiter.limit = 1000  # type: ignore[attr-defined]

    expected: dict[str, dict[str, int]] = {}
    answered: dict[str, dict[str, int]] = {}
    for route in ROUTES:
        target = route.target(world)
        world.last = target
        path = route.path.format(**{k: v for k, v in target.items()})
        key = f"{route.verb} {route.path}"
        wanted = {**MANAGED, **(route.refused or {})}
        expected[key] = {c: wanted.get(c, route.ok) for c in CALLERS}
        answered[key] = {}
        for caller in CALLERS:
            answer = api.client.request(
                route.verb,
                f"/api/v1{path}",
                json=route.body(world, caller),
                headers=headers[caller],
            )
            answered[key][caller] = answer.status_code
    assert answered == expected


def test_every_command_route_is_in_the_matrix_and_refused_to_auditors(api: Api) -> None:
    document = api.client.app.command_app.openapi()  # type: ignore[attr-defined]
    documented = {
        f"{verb.upper()} {path.removeprefix('/api/v1')}"
        for path, operations in document["paths"].items()
        for verb in operations
    }
    tried = {f"{route.verb} {route.path}" for route in ROUTES}

    assert documented - OWN - tried == set(), "command routes missing from ROUTES"
    auditors = {
        f"{route.verb} {route.path}": {**MANAGED, **(route.refused or {})}.get("auditor")
        for route in ROUTES
        if f"{route.verb} {route.path}" not in OWN
    }
    assert {key for key, status in auditors.items() if status != 403} == set()
