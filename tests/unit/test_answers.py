"""What the query API's answers promise, without a store: their closed sets of values are the
domain's (a value the domain adds would otherwise fail every answer holding it), and both
documents name each operation after its tag and its route's function."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, get_args

import pytest
from fastapi import FastAPI

from copro.api_docs import operation_id
from domain import account, budget, equipment, expense, incident, maintenance, ticket
from projections.ledger import CATEGORIES
from query_api.answers import (
    common,
    expenses,
    incidents,
    maintenances,
    tickets,
)


@pytest.mark.parametrize(
    ("answered", "domain"),
    [
        (common.EquipmentStatus, equipment.Status),
        (common.EquipmentCategory, equipment.Category),
        (common.Impact, incident.Impact),
        (common.Role, account.Role),
        (common.AccountStatus, account.AccountStatus),
        (incidents.IncidentStatus, incident.IncidentStatus),
        (tickets.TicketStatus, ticket.TicketStatus),
        (tickets.TicketType, ticket.TicketType),
        (tickets.ReporterKind, ticket.ReporterKind),
        (maintenances.MaintenanceState, maintenance.State),
        (expenses.ExpenseCategory, expense.Category),
        (expenses.BudgetState, budget.BudgetState),
    ],
)
def test_an_answers_closed_set_is_the_domains(answered: Any, domain: type[StrEnum]) -> None:
    assert set(get_args(answered)) == {member.value for member in domain}


def test_the_expense_categories_are_answered_in_the_ledgers_order() -> None:
    assert get_args(expenses.ExpenseCategory) == CATEGORIES


def operation_ids(*routes: tuple[str, str, list[str]]) -> list[str]:
    app = FastAPI(generate_unique_id_function=operation_id)
    for path, name, tags in routes:

        def endpoint() -> None: ...

        app.add_api_route(path, endpoint, name=name, tags=list(tags))
    document = app.openapi()
    return [document["paths"][path]["get"]["operationId"] for path, _, _ in routes]


class TestOperationIds:
    def test_the_tag_names_the_thing_and_the_function_what_is_done_to_it(self) -> None:
        assert operation_ids(
            ("/a", "list_incidents", ["incidents"]),
            ("/b", "get_ticket", ["tickets"]),
            ("/c", "activate_account", ["accounts"]),
            ("/d", "install_equipment", ["equipment"]),
            ("/e", "expenses_summary", ["expenses"]),
            ("/f", "board", ["tickets"]),
            ("/g", "list_buildings", ["copros"]),
            ("/h", "set_budget", ["expenses"]),
        ) == [
            "incidents-list",
            "tickets-get",
            "accounts-activate",
            "equipment-install",
            "expenses-summary",
            "tickets-board",
            "copros-list-buildings",
            "expenses-set-budget",
        ]

    def test_a_name_that_is_only_the_thing_stays_and_an_untagged_route_is_its_name(
        self,
    ) -> None:
        assert operation_ids(("/a", "tickets", ["tickets"]), ("/b", "docs_page", [])) == [
            "tickets-tickets",
            "docs-page",
        ]

    def test_the_first_tag_names_the_thing(self) -> None:
        assert operation_ids(("/a", "mine", ["invitations", "accounts"])) == ["invitations-mine"]
