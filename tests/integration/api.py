"""A client of the one-origin site for API tests, and the steps most tests start with."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi.testclient import TestClient

ADMIN = ("admin@copro.test", "correct horse battery")


class Api:
    """A client that signs in and reads its own writes."""

    def __init__(self, client: TestClient) -> None:
        self.client = client

    def login(self, email: str, password: str) -> dict[str, str]:
        answer = self.client.post(
            "/api/v1/auth/login", data={"username": email, "password": password}
        )
        assert answer.status_code == 200, answer.text
        return {"Authorization": f"Bearer {answer.json()['access_token']}"}

    def command(
        self, verb: str, path: str, who: dict[str, str], body: Any = None, expect: int = 200
    ) -> dict[str, Any]:
        answer = self.client.request(verb, f"/api/v1{path}", json=body, headers=who)
        assert answer.status_code == expect, answer.text
        return answer.json()  # type: ignore[no-any-return]

    def read(self, path: str, who: dict[str, str] | None = None, after: int = 0) -> Any:
        headers = {**(who or {}), "X-Copro-After": str(after)}
        return self.client.get(f"/api/v1{path}", headers=headers)


def account_id(api: Api, email: str) -> UUID:
    """The account this email opened, found through its claim as signing in finds it."""
    found = api.client.app.condos.account_id_of(email)  # type: ignore[attr-defined]
    assert found is not None, f"no account for {email}"
    return found  # type: ignore[no-any-return]


def condo(api: Api, admin: dict[str, str], name: str = "Résidence Les Tilleuls") -> dict[str, Any]:
    return api.command(
        "POST",
        "/copros",
        admin,
        {"name": name, "address": "12 rue des Tilleuls", "postal_code": "69003", "city": "Lyon"},
        201,
    )


def manager_of(api: Api, admin: dict[str, str], copro_id: str, email: str) -> dict[str, str]:
    api.command(
        "POST",
        f"/copros/{copro_id}/members",
        admin,
        {
            "email": email,
            "first_name": "Claire",
            "last_name": "Martin",
            "role": "manager",
            "password": "a long password",
        },
        201,
    )
    return api.login(email, "a long password")


def member(
    api: Api, manager: dict[str, str], copro_id: str, email: str, role: str, **extra: Any
) -> dict[str, str]:
    """Appoints someone with `role` and answers their signed-in headers."""
    body = {"email": email, "first_name": "Inès", "last_name": "Moreau", "role": role}
    api.command(
        "POST",
        f"/copros/{copro_id}/members",
        manager,
        {**body, **extra, "password": "a long password"},
        201,
    )
    return api.login(email, "a long password")
