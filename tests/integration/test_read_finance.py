"""The ledger, its CSV, the spend against the budget and the budget, through the site on SQLite
and PostgreSQL; and the ledger projection rebuilt from the log."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from typing import Any

import pytest
from eventsourcing.utils import get_topic
from sqlalchemy import Engine

from copro.demo import seed_demo
from domain.application import Condos
from domain.base import Actor
from domain.expense import Expense
from projections import ledger
from projections.engine import Projector
from tests.integration.api import Api, member
from tests.integration.helpers import rows_of
from tests.integration.test_api_finance import Condo, equipped_condo, record


@pytest.fixture
def ours(api: Api, admin: dict[str, str]) -> Condo:
    return equipped_condo(api, admin, "Résidence Les Tilleuls", "manager@tilleuls.fr")


@pytest.fixture
def theirs(api: Api, admin: dict[str, str]) -> Condo:
    return equipped_condo(api, admin, "Le Parc", "manager@parc.fr")


def read(api: Api, path: str, who: dict[str, str], after: dict[str, Any]) -> Any:
    answer = api.read(path, who, after=after["position"])
    assert answer.status_code == 200, answer.text
    return answer.json()


def correct(api: Api, ours: Condo, expense: str, **changes: Any) -> dict[str, Any]:
    return api.command("POST", f"/expenses/{expense}/corrections", ours.manager, changes)


def void(api: Api, ours: Condo, expense: str, reason: str) -> dict[str, Any]:
    return api.command("POST", f"/expenses/{expense}/void", ours.manager, {"reason": reason})


class TestLedger:
    def test_a_corrected_expense_shows_its_corrected_values_and_how_often(
        self, api: Api, ours: Condo
    ) -> None:
        expense = record(api, ours, amount_cents=123_456)["id"]
        correct(api, ours, expense, amount_cents=132_456, reason="erreur de saisie")
        last = correct(
            api, ours, expense, supplier="Ascenseurs du Rhône", reason="raison sociale exacte"
        )

        listed = read(api, f"/copros/{ours.id}/expenses", ours.manager, last)

        [item] = listed["items"]
        assert (item["id"], item["amount_cents"], item["supplier"]) == (
            expense,
            132_456,
            "Ascenseurs du Rhône",
        )
        assert item["corrected"] == 2 and item["voided"] is False
        assert [(c["reason"], c["fields"]) for c in item["corrections"]] == [
            ("erreur de saisie", ["amount_cents"]),
            ("raison sociale exacte", ["supplier"]),
        ]
        assert (listed["total"], listed["total_cents"]) == (1, 132_456)

    def test_a_voided_expense_is_hidden_unless_asked_and_never_counted(
        self, api: Api, ours: Condo
    ) -> None:
        kept = record(api, ours, amount_cents=10_000)["id"]
        doubled = record(api, ours, amount_cents=20_000)["id"]
        last = void(api, ours, doubled, "facture en double")

        listed = read(api, f"/copros/{ours.id}/expenses", ours.manager, last)
        assert [i["id"] for i in listed["items"]] == [kept]
        assert (listed["total"], listed["total_cents"]) == (1, 10_000)

        everything = read(
            api, f"/copros/{ours.id}/expenses?include_voided=true", ours.manager, last
        )
        voided = {i["id"]: (i["voided"], i["void_reason"]) for i in everything["items"]}
        assert voided == {kept: (False, None), doubled: (True, "facture en double")}
        assert (everything["total"], everything["total_cents"]) == (2, 10_000)

    def test_newest_date_first_filtered_by_dates_and_categories_and_paged(
        self, api: Api, ours: Condo
    ) -> None:
        winter = record(api, ours, date="2025-01-10", category="energy", amount_cents=300)["id"]
        spring = record(api, ours, date="2025-04-02", category="lift", amount_cents=200)["id"]
        last = record(api, ours, date="2025-03-15", category="water", amount_cents=100)
        summer = last["id"]
        path = f"/copros/{ours.id}/expenses"

        listed = read(api, path, ours.manager, last)
        assert [i["id"] for i in listed["items"]] == [spring, summer, winter]
        assert listed["total_cents"] == 600

        dated = read(api, f"{path}?from=2025-03-15&to=2025-04-01", ours.manager, last)
        assert ([i["id"] for i in dated["items"]], dated["total_cents"]) == ([summer], 100)

        chosen = read(api, f"{path}?category=energy&category=lift", ours.manager, last)
        assert [i["id"] for i in chosen["items"]] == [spring, winter]

        paged = read(api, f"{path}?limit=1&offset=1", ours.manager, last)
        assert ([i["id"] for i in paged["items"]], paged["total"]) == ([summer], 3)
        assert paged["total_cents"] == 600

    def test_an_unknown_category_or_a_bad_date_is_named(self, api: Api, ours: Condo) -> None:
        path = f"/copros/{ours.id}/expenses"
        for query, field in [
            ("category=rocket", "category"),
            ("from=2025-02-30", "from"),
            ("to=14/02/2025", "to"),
            ("from=2025-03-01&to=2025-02-01", "to"),
        ]:
            for where in (path, f"{path}.csv"):
                answer = api.read(f"{where}?{query}", ours.manager)
                assert answer.status_code == 422, (where, query)
                assert {e["field"] for e in answer.json()["detail"]} == {field}
        assert api.read(f"{path}?limit=500", ours.manager).status_code == 422
        unknown = api.read(f"{path}?category=rocket", ours.manager).json()["detail"][0]
        assert "rocket" in unknown["message"]

    def test_every_member_reads_it_and_nobody_else(
        self, api: Api, ours: Condo, theirs: Condo
    ) -> None:
        resident = member(api, ours.manager, ours.id, "r@tilleuls.fr", "resident")
        auditor = member(api, ours.manager, ours.id, "a@tilleuls.fr", "auditor")
        last = record(api, ours)
        path = f"/copros/{ours.id}/expenses"
        for who in (resident, auditor, ours.manager):
            assert read(api, path, who, last)["total"] == 1
        assert api.read(path, theirs.manager).status_code == 404
        assert api.read(path).status_code == 401
        assert api.read(f"{path}.csv", theirs.manager).status_code == 404


class TestLedgerCsv:
    def test_a_header_then_a_row_per_expense_with_euros_and_a_decimal_comma(
        self, api: Api, ours: Condo
    ) -> None:
        expense = record(api, ours, amount_cents=100, supplier="=HYPERLINK(evil)")["id"]
        last = correct(api, ours, expense, amount_cents=123_456, reason="erreur de saisie")

        answer = api.read(f"/copros/{ours.id}/expenses.csv", ours.manager, after=last["position"])

        assert answer.status_code == 200
        assert answer.headers["content-type"] == "text/csv; charset=utf-8"
        assert "attachment" in answer.headers["content-disposition"]
        text = answer.content.decode("utf-8")
        assert text.startswith("\ufeff")
        header, *rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
        assert header[:4] == ["date", "amount_eur", "category", "supplier"]
        assert len(rows) == 1
        row = dict(zip(header, rows[0], strict=True))
        assert (row["date"], row["amount_eur"], row["category"]) == (
            "2025-02-14",
            "1234,56",
            "lift",
        )
        assert row["supplier"] == "'=HYPERLINK(evil)"
        assert (row["corrected"], row["voided"], row["id"]) == ("1", "no", expense)

    def test_it_takes_the_ledger_filters(self, api: Api, ours: Condo) -> None:
        record(api, ours, category="energy", amount_cents=5)
        voided = record(api, ours, category="lift", amount_cents=1_000_000)["id"]
        last = void(api, ours, voided, "facture en double")
        path = f"/copros/{ours.id}/expenses.csv"

        def amounts(query: str) -> list[str]:
            answer = api.read(f"{path}?{query}", ours.manager, after=last["position"])
            rows = list(csv.DictReader(io.StringIO(answer.text.lstrip("\ufeff")), delimiter=";"))
            return [r["amount_eur"] for r in rows]

        assert amounts("") == ["0,05"]
        assert sorted(amounts("include_voided=true")) == ["0,05", "10000,00"]
        assert amounts("category=lift") == []


LINES = {"energy": 1_200_000, "lift": 450_000, "cleaning": 900_000}


class TestSummary:
    def test_spend_per_month_and_category_against_the_approved_budget(
        self, api: Api, ours: Condo
    ) -> None:
        resident = member(api, ours.manager, ours.id, "r@tilleuls.fr", "resident")
        budget = f"/copros/{ours.id}/budgets/2025"
        api.command("PUT", budget, ours.manager, {"lines": LINES}, 201)
        api.command("POST", f"{budget}/approve", ours.manager, {"approved_on": "2025-01-20"})
        record(api, ours, date="2025-02-14", category="lift", amount_cents=123_456)
        record(api, ours, date="2025-03-01", category="lift", amount_cents=100_000)
        record(api, ours, date="2025-02-28", category="energy", amount_cents=50_000)
        record(api, ours, date="2024-12-31", category="lift", amount_cents=7)
        voided = record(api, ours, date="2025-02-01", category="lift", amount_cents=9_999)["id"]
        last = void(api, ours, voided, "facture en double")

        summary = read(api, f"/copros/{ours.id}/expenses/summary?year=2025", resident, last)

        assert summary["budget"] == {"state": "approved", "approved_on": "2025-01-20"}
        february = summary["months"][1]
        assert february["month"] == 2 and february["spent_cents"] == 173_456
        assert (february["by_category"]["lift"], february["by_category"]["energy"]) == (
            123_456,
            50_000,
        )
        assert summary["months"][2]["by_category"]["lift"] == 100_000
        assert [m["spent_cents"] for m in summary["months"][3:]] == [0] * 9
        by_category = {c["category"]: c for c in summary["categories"]}
        assert by_category["lift"] == {
            "category": "lift",
            "budget_cents": 450_000,
            "spent_cents": 223_456,
            "remaining_cents": 450_000 - 223_456,
        }
        assert by_category["cleaning"]["remaining_cents"] == 900_000
        assert by_category["water"] == {
            "category": "water",
            "budget_cents": 0,
            "spent_cents": 0,
            "remaining_cents": 0,
        }
        assert summary["total"] == {
            "budget_cents": 2_550_000,
            "spent_cents": 273_456,
            "remaining_cents": 2_550_000 - 273_456,
        }

    def test_a_year_without_budget_says_none_and_has_nothing_remaining(
        self, api: Api, ours: Condo
    ) -> None:
        last = record(api, ours, date="2024-06-01", category="water", amount_cents=4_200)
        summary = read(api, f"/copros/{ours.id}/expenses/summary?year=2024", ours.manager, last)
        assert summary["budget"]["state"] == "none"
        water = next(c for c in summary["categories"] if c["category"] == "water")
        assert (water["budget_cents"], water["spent_cents"], water["remaining_cents"]) == (
            None,
            4_200,
            None,
        )
        bad = api.read(f"/copros/{ours.id}/expenses/summary?year=1999", ours.manager)
        assert bad.status_code == 422


class TestBudget:
    def test_a_budget_shows_its_lines_state_approval_and_amendments_with_reasons(
        self, api: Api, ours: Condo, theirs: Condo
    ) -> None:
        path = f"/copros/{ours.id}/budgets/2026"
        api.command("PUT", path, ours.manager, {"lines": LINES}, 201)
        provisional = api.command(
            "PUT", path, ours.manager, {"lines": LINES | {"water": 10}, "reason": "devis reçu"}
        )
        assert read(api, path, ours.manager, provisional)["state"] == "provisional"
        api.command("POST", f"{path}/approve", ours.manager, {"approved_on": "2025-11-20"})
        last = api.command(
            "PUT", path, ours.manager, {"lines": LINES | {"lift": 1}, "reason": "vote en AG"}
        )
        resident = member(api, ours.manager, ours.id, "r@tilleuls.fr", "resident")

        budget = read(api, path, resident, last)

        assert (budget["year"], budget["state"], budget["approved_on"]) == (
            2026,
            "approved",
            "2025-11-20",
        )
        assert budget["lines"] == LINES | {"lift": 1}
        assert [(r["reason"], r["lines"]) for r in budget["revisions"]] == [
            ("devis reçu", LINES | {"water": 10})
        ]
        assert [(a["reason"], a["lines"]) for a in budget["amendments"]] == [
            ("vote en AG", LINES | {"lift": 1})
        ]
        assert api.read(path, theirs.manager).status_code == 404

    def test_a_year_without_a_budget_is_not_found(self, api: Api, ours: Condo) -> None:
        answer = api.read(f"/copros/{ours.id}/budgets/2019", ours.manager)
        assert (answer.status_code, answer.json()["code"]) == (404, "not_found")


class TestLedgerRebuild:
    def test_a_reset_ledger_caught_up_again_has_the_same_rows(
        self, condos: Condos, engine: Engine
    ) -> None:
        projector = caught_up_ledger(condos, engine)
        first = rows_of(engine, ledger.projection)
        # One row per expense recorded: the demo's year and the test's own.
        recorded = condos.recorder.select_notifications(
            start=1, limit=100_000, topics=[get_topic(Expense.Recorded)]
        )
        assert len(first["ledger_expenses"]) == len(recorded) > 60
        assert first["ledger_corrections"] and first["ledger_budget_changes"]

        projector.reset()
        projector.catch_up()

        assert rows_of(engine, ledger.projection) == first

    def test_a_rebuild_beside_the_live_tables_swaps_in_the_same_rows(
        self, condos: Condos, engine: Engine
    ) -> None:
        projector = caught_up_ledger(condos, engine)
        first = rows_of(engine, ledger.projection)

        projector.start_rebuild()
        projector.catch_up()

        assert not projector.rebuilding
        assert rows_of(engine, ledger.projection) == first


def caught_up_ledger(condos: Condos, engine: Engine) -> Projector:
    """The ledger of the demo condo plus a corrected then voided expense and an amendment."""
    demo = seed_demo(condos)
    manager = Actor(str(condos.account_id_of("gestion@les-tilleuls.example")))
    expense = condos.record_expense(
        manager,
        demo.copro_id,
        date=date(2025, 5, 1),
        amount_cents=1_000,
        category="works",
        supplier="Maçonnerie Dupont",
    ).id
    condos.correct_expense(manager, expense, {"amount_cents": 1_500}, reason="avenant")
    condos.void_expense(manager, expense, reason="annulé")
    year = datetime.now(UTC).year  # the demo's approved budget
    condos.set_budget(manager, demo.copro_id, year, lines={"works": 5}, reason="vote en AG")
    projector = Projector(ledger.projection, condos, engine)
    projector.setup()
    projector.catch_up()
    return projector
