"""The whole stack over HTTP: an admin sets up a condo and the public status page shows it."""

from __future__ import annotations

import httpx

from tests.e2e.conftest import Server


def test_admin_sets_a_lift_out_of_order_and_the_status_page_shows_it(server: Server) -> None:
    server.cli(
        "admin", "create", "--email", "admin@copro-e2e.org", "--password", "correct horse battery"
    )
    with httpx.Client(base_url=f"{server.url}/api/v1", timeout=10) as http:
        token = http.post(
            "/auth/login",
            data={"username": "admin@copro-e2e.org", "password": "correct horse battery"},
        )
        assert token.status_code == 200, token.text
        auth = {"Authorization": f"Bearer {token.json()['access_token']}"}

        condo = http.post(
            "/copros",
            headers=auth,
            json={
                "name": "Résidence Les Tilleuls",
                "address": "12 rue des Tilleuls",
                "postal_code": "69003",
                "city": "Lyon",
            },
        )
        assert condo.status_code == 201, condo.text
        copro_id = condo.json()["id"]
        building = http.post(
            f"/copros/{copro_id}/buildings", headers=auth, json={"name": "Bâtiment A"}
        )
        assert building.status_code == 201, building.text
        lift = http.post(
            f"/copros/{copro_id}/equipment",
            headers=auth,
            json={
                "building_id": building.json()["id"],
                "name": "Ascenseur 1",
                "category": "lift",
                "code": "ASC-A-01",
            },
        )
        assert lift.status_code == 201, lift.text
        appointed = http.post(
            f"/copros/{copro_id}/members",
            headers=auth,
            json={
                "email": "claire.martin@example.org",
                "first_name": "Claire",
                "last_name": "Martinez",
                "role": "manager",
                "password": "a long password",
            },
        )
        assert appointed.status_code == 201, appointed.text
        failed_login = http.post(
            "/auth/login", data={"username": "claire.martin@example.org", "password": "wrong one!"}
        )
        assert failed_login.status_code == 401
        status = http.put(
            f"/equipment/{lift.json()['id']}/status", headers=auth, json={"status": "major_outage"}
        )
        assert status.status_code == 200, status.text

        page = http.get(
            "/status/residence-les-tilleuls",
            headers={"X-Copro-After": str(status.json()["position"])},
        )

    assert page.status_code == 200, page.text
    assert int(page.headers["X-Copro-Position"]) >= status.json()["position"]
    body = page.json()
    assert body["overall_status"] == "major_outage"
    assert [(e["name"], e["status"]) for b in body["buildings"] for e in b["equipment"]] == [
        ("Ascenseur 1", "major_outage")
    ]

    assert server.log is not None
    log = server.log.read_text()
    assert "POST /api/v1/copros" in log  # the log is there, and it names requests
    for personal in ("claire.martin", "Martinez", "admin@copro-e2e.org", "a long password"):
        assert personal not in log


def test_the_frontend_is_served_for_client_side_routes(server: Server) -> None:
    page = httpx.get(f"{server.url}/c/les-tilleuls", timeout=10)
    assert page.status_code == 200
    assert '<div id="root">' in page.text
