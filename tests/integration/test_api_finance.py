"""Expenses and budgets through the command API, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest

from tests.integration.api import Api, condo, manager_of, member

TOO_FAR = (datetime.now(UTC) + timedelta(days=2)).date().isoformat()


@dataclass
class Condo:
    id: str
    manager: dict[str, str]
    building: str
    lift: str


def equipped_condo(api: Api, admin: dict[str, str], name: str, email: str) -> Condo:
    copro_id = condo(api, admin, name)["id"]
    manager = manager_of(api, admin, copro_id, email)
    building = api.command("POST", f"/copros/{copro_id}/buildings", manager, {"name": "A"}, 201)
    lift = api.command(
        "POST",
        f"/copros/{copro_id}/equipment",
        manager,
        {"building_id": building["id"], "name": "Ascenseur 1", "category": "lift"},
        201,
    )
    return Condo(copro_id, manager, building["id"], lift["id"])


@pytest.fixture
def ours(api: Api, admin: dict[str, str]) -> Condo:
    return equipped_condo(api, admin, "Résidence Les Tilleuls", "manager@tilleuls.fr")


@pytest.fixture
def theirs(api: Api, admin: dict[str, str]) -> Condo:
    return equipped_condo(api, admin, "Le Parc", "manager@parc.fr")


def invoice(**overrides: Any) -> dict[str, Any]:
    body = {
        "date": "2025-02-14",
        "amount_cents": 123_456,
        "category": "lift",
        "supplier": "Ascenseurs Rhône SARL",
        "description": "Contrat d'entretien, 1er trimestre",
        "invoice_ref": "F-2025-0042",
    }
    return body | overrides


def record(api: Api, ours: Condo, **overrides: Any) -> dict[str, Any]:
    return api.command(
        "POST", f"/copros/{ours.id}/expenses", ours.manager, invoice(**overrides), 201
    )


def fields(answer: dict[str, Any]) -> set[str]:
    assert answer["code"] == "validation_error"
    return {e["field"] for e in answer["detail"]}


class TestRecordExpense:
    def test_a_manager_records_an_expense_on_a_building_or_equipment(
        self, api: Api, ours: Condo
    ) -> None:
        receipt = record(api, ours, building_id=ours.building, equipment_id=ours.lift)
        assert set(receipt) == {"id", "version", "position"} and receipt["version"] == 1
        bare = {k: v for k, v in invoice().items() if k not in ("description", "invoice_ref")}
        api.command("POST", f"/copros/{ours.id}/expenses", ours.manager, bare, 201)

    def test_an_amount_must_be_positive_whole_cents(self, api: Api, ours: Condo) -> None:
        for amount in (0, -1, -12_000, 12.5, "1200", None, 100_000_000_01):
            answer = api.command(
                "POST",
                f"/copros/{ours.id}/expenses",
                ours.manager,
                invoice(amount_cents=amount),
                422,
            )
            assert fields(answer) == {"amount_cents"}, amount
        record(api, ours, amount_cents=100_000_000_00)

    def test_each_bad_field_is_named(self, api: Api, ours: Condo) -> None:
        bad = {
            "date": "14/02/2025",
            "amount_cents": 0,
            "category": "rocket",
            "supplier": "x" * 201,
            "description": "x" * 2001,
            "building_id": "A",
            "invoice_ref": "x" * 61,
            "vat": 20,
        }
        answer = api.command("POST", f"/copros/{ours.id}/expenses", ours.manager, bad, 422)
        assert fields(answer) == set(bad)
        missing = api.command("POST", f"/copros/{ours.id}/expenses", ours.manager, {}, 422)
        assert fields(missing) == {"date", "amount_cents", "category", "supplier"}

    def test_a_date_in_the_future_or_not_a_calendar_date_is_refused(
        self, api: Api, ours: Condo
    ) -> None:
        for day in (TOO_FAR, "2025-02-30", "2025-02-14T00:00:00", 1739491200, "0001-01-01"):
            answer = api.command(
                "POST", f"/copros/{ours.id}/expenses", ours.manager, invoice(date=day), 422
            )
            assert fields(answer) == {"date"}, day

    def test_a_building_or_equipment_of_another_condo_is_refused(
        self, api: Api, ours: Condo, theirs: Condo
    ) -> None:
        for field, value in [
            ("building_id", theirs.building),
            ("equipment_id", theirs.lift),
            ("equipment_id", ours.building),
            ("building_id", str(uuid4())),
        ]:
            answer = api.command(
                "POST",
                f"/copros/{ours.id}/expenses",
                ours.manager,
                invoice(**{field: value}),
                422,
            )
            assert fields(answer) == {field}

    def test_only_a_signed_in_manager_of_the_condo_may_record(
        self, api: Api, ours: Condo, theirs: Condo
    ) -> None:
        resident = member(api, ours.manager, ours.id, "r@tilleuls.fr", "resident")
        auditor = member(api, ours.manager, ours.id, "a@tilleuls.fr", "auditor")
        path = f"/copros/{ours.id}/expenses"
        assert api.command("POST", path, {}, invoice(), 401)["code"] == "not_authenticated"
        assert api.command("POST", path, resident, invoice(), 403)["code"] == "forbidden"
        assert api.command("POST", path, auditor, invoice(), 403)["code"] == "forbidden"
        assert api.command("POST", path, theirs.manager, invoice(), 404)["code"] == "not_found"


class TestCorrectAndVoid:
    def test_a_correction_records_the_changed_fields_with_a_reason(
        self, api: Api, ours: Condo
    ) -> None:
        expense = record(api, ours)["id"]
        corrected = api.command(
            "POST",
            f"/expenses/{expense}/corrections",
            ours.manager,
            {"amount_cents": 132_456, "invoice_ref": None, "reason": "erreur de saisie"},
        )
        assert (corrected["id"], corrected["version"]) == (expense, 2)

    def test_a_correction_needs_a_change_and_a_reason_and_names_bad_fields(
        self, api: Api, ours: Condo, theirs: Condo
    ) -> None:
        expense = record(api, ours)["id"]
        path = f"/expenses/{expense}/corrections"
        for body, named in [
            ({"reason": "rien"}, {"body"}),
            (
                {"amount_cents": 123_456, "supplier": "Ascenseurs Rhône SARL", "reason": "idem"},
                {"body"},
            ),
            ({"amount_cents": 10}, {"reason"}),
            ({"amount_cents": 10, "reason": "ab"}, {"reason"}),
            ({"amount_cents": 0, "reason": "erreur"}, {"amount_cents"}),
            ({"amount_cents": -5, "reason": "erreur"}, {"amount_cents"}),
            ({"amount_cents": None, "reason": "erreur"}, {"amount_cents"}),
            ({"category": "rocket", "reason": "erreur"}, {"category"}),
            ({"date": TOO_FAR, "reason": "erreur"}, {"date"}),
            ({"supplier": None, "reason": "erreur"}, {"supplier"}),
            ({"equipment_id": theirs.lift, "reason": "erreur"}, {"equipment_id"}),
            ({"copro_id": theirs.id, "reason": "erreur"}, {"copro_id"}),
        ]:
            assert fields(api.command("POST", path, ours.manager, body, 422)) == named, body

    def test_a_voided_expense_refuses_everything(self, api: Api, ours: Condo) -> None:
        expense = record(api, ours)["id"]
        voided = api.command(
            "POST", f"/expenses/{expense}/void", ours.manager, {"reason": "facture en double"}
        )
        assert voided["version"] == 2
        for path, body in [
            ("void", {"reason": "encore"}),
            ("corrections", {"amount_cents": 1, "reason": "erreur"}),
            ("corrections", {"reason": "rien à corriger"}),
        ]:
            answer = api.command("POST", f"/expenses/{expense}/{path}", ours.manager, body, 409)
            assert answer["code"] == "expense_voided"

    def test_voiding_needs_a_reason(self, api: Api, ours: Condo) -> None:
        expense = record(api, ours)["id"]
        for body in (None, {}, {"reason": ""}, {"reason": "x" * 501}):
            answer = api.command("POST", f"/expenses/{expense}/void", ours.manager, body, 422)
            assert fields(answer) <= {"reason", "body"} and fields(answer)

    def test_only_a_manager_of_its_condo_may_correct_or_void(
        self, api: Api, ours: Condo, theirs: Condo
    ) -> None:
        expense = record(api, ours)["id"]
        resident = member(api, ours.manager, ours.id, "r@tilleuls.fr", "resident")
        for path, body in [
            ("corrections", {"amount_cents": 1, "reason": "erreur de saisie"}),
            ("void", {"reason": "facture en double"}),
        ]:
            url = f"/expenses/{expense}/{path}"
            assert api.command("POST", url, {}, body, 401)["code"] == "not_authenticated"
            assert api.command("POST", url, resident, body, 403)["code"] == "forbidden"
            assert api.command("POST", url, theirs.manager, body, 404)["code"] == "not_found"
        unknown = api.command("POST", f"/expenses/{uuid4()}/void", ours.manager, body, 404)
        assert unknown["code"] == "not_found"


LINES = {"energy": 1_200_000, "lift": 450_000, "cleaning": 900_000}


class TestBudget:
    def test_the_first_put_creates_it_and_the_next_revise_it(self, api: Api, ours: Condo) -> None:
        path = f"/copros/{ours.id}/budgets/2026"
        created = api.command("PUT", path, ours.manager, {"lines": LINES}, 201)
        revised = api.command("PUT", path, ours.manager, {"lines": LINES | {"water": 10}})
        same = api.command("PUT", path, ours.manager, {"lines": LINES | {"water": 10}})
        assert [r["version"] for r in (created, revised, same)] == [1, 2, 2]
        assert created["id"] == revised["id"]
        other_year = api.command(
            "PUT", f"/copros/{ours.id}/budgets/2027", ours.manager, {"lines": {}}, 201
        )
        assert other_year["id"] != created["id"]

    def test_once_approved_lines_change_only_by_an_amendment_with_a_reason(
        self, api: Api, ours: Condo
    ) -> None:
        path = f"/copros/{ours.id}/budgets/2026"
        api.command("PUT", path, ours.manager, {"lines": LINES}, 201)
        approved = api.command(
            "POST", f"{path}/approve", ours.manager, {"approved_on": "2025-11-20"}
        )
        assert approved["version"] == 2
        again = api.command(
            "POST", f"{path}/approve", ours.manager, {"approved_on": "2025-11-21"}, 409
        )
        assert again["code"] == "budget_already_approved"

        refused = api.command("PUT", path, ours.manager, {"lines": LINES | {"lift": 1}}, 409)
        assert refused["code"] == "budget_amendment_needs_reason"
        assert "reason" in refused["detail"]
        amended = api.command(
            "PUT", path, ours.manager, {"lines": LINES | {"lift": 1}, "reason": "vote en AG"}
        )
        assert amended["version"] == 3

    def test_bad_years_lines_and_days_are_named(self, api: Api, ours: Condo) -> None:
        for year in (1999, 2101):
            answer = api.command(
                "PUT", f"/copros/{ours.id}/budgets/{year}", ours.manager, {"lines": {}}, 422
            )
            assert fields(answer) == {"year"}
        path = f"/copros/{ours.id}/budgets/2026"
        for lines, named in [
            ({"rocket": 10}, "lines.rocket"),
            ({"energy": -1}, "lines.energy"),
            ({"energy": 12.5}, "lines.energy"),
            ({"energy": "100"}, "lines.energy"),
            ([100], "lines"),
        ]:
            answer = api.command("PUT", path, ours.manager, {"lines": lines}, 422)
            assert fields(answer) == {named}, lines
        api.command("PUT", path, ours.manager, {"lines": LINES}, 201)
        for day in (TOO_FAR, "20/11/2025", None):
            answer = api.command("POST", f"{path}/approve", ours.manager, {"approved_on": day}, 422)
            assert fields(answer) == {"approved_on"}, day

    def test_approving_a_budget_never_drafted_is_not_found(self, api: Api, ours: Condo) -> None:
        answer = api.command(
            "POST",
            f"/copros/{ours.id}/budgets/2026/approve",
            ours.manager,
            {"approved_on": "2025-11-20"},
            404,
        )
        assert answer["code"] == "not_found"

    def test_only_a_signed_in_manager_of_the_condo_may_budget(
        self, api: Api, ours: Condo, theirs: Condo
    ) -> None:
        resident = member(api, ours.manager, ours.id, "r@tilleuls.fr", "resident")
        path = f"/copros/{ours.id}/budgets/2026"
        body = {"lines": LINES}
        approval = {"approved_on": "2025-11-20"}
        assert api.command("PUT", path, {}, body, 401)["code"] == "not_authenticated"
        assert api.command("PUT", path, resident, body, 403)["code"] == "forbidden"
        assert api.command("PUT", path, theirs.manager, body, 404)["code"] == "not_found"
        api.command("PUT", path, ours.manager, body, 201)
        assert (
            api.command("POST", f"{path}/approve", resident, approval, 403)["code"] == "forbidden"
        )
        outsider = api.command("POST", f"{path}/approve", theirs.manager, approval, 404)
        assert outsider["code"] == "not_found"
