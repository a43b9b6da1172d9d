"""Both APIs through the one-origin site, on SQLite and PostgreSQL, projector running."""

from __future__ import annotations

from tests.integration.api import ADMIN, Api, condo, manager_of


class TestLogin:
    def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(
        self, api: Api
    ) -> None:
        answer = api.client.post(
            "/api/v1/auth/login", data={"username": ADMIN[0], "password": "nope nope nope"}
        )
        unknown = api.client.post(
            "/api/v1/auth/login", data={"username": "who@x.org", "password": "nope nope nope"}
        )
        assert answer.status_code == unknown.status_code == 401
        assert (
            answer.json()
            == unknown.json()
            == {"detail": "wrong email or password", "code": "not_authenticated"}
        )

    def test_the_email_is_case_insensitive(self, api: Api) -> None:
        api.login(ADMIN[0].upper(), ADMIN[1])

    def test_too_many_attempts_are_refused_with_retry_after(self, api: Api) -> None:
        api.client.app.command_app.state.login_limiter.limit = 3  # type: ignore[attr-defined]
        codes = [
            api.client.post(
                "/api/v1/auth/login", data={"username": "x@x.org", "password": "wrong wrong"}
            ).status_code
            for _ in range(4)
        ]
        last = api.client.post(
            "/api/v1/auth/login", data={"username": ADMIN[0], "password": ADMIN[1]}
        )
        assert codes == [401, 401, 401, 429]
        assert last.status_code == 429 and int(last.headers["Retry-After"]) >= 1


class TestCondos:
    def test_an_admin_registers_a_condo_and_gets_a_receipt(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        receipt = condo(api, admin)
        assert set(receipt) == {"id", "version", "position"} and receipt["version"] == 1

    def test_registering_needs_a_signed_in_admin(self, api: Api, admin: dict[str, str]) -> None:
        copro_id = condo(api, admin)["id"]
        manager = manager_of(api, admin, copro_id, "m@x.org")
        body = {"name": "Autre", "address": "1 rue", "postal_code": "75001", "city": "Paris"}
        assert api.command("POST", "/copros", {}, body, 401)["code"] == "not_authenticated"
        assert api.command("POST", "/copros", manager, body, 403)["code"] == "forbidden"

    def test_each_bad_field_is_named(self, api: Api, admin: dict[str, str]) -> None:
        answer = api.command(
            "POST",
            "/copros",
            admin,
            {
                "name": "X",
                "address": "1 rue",
                "postal_code": "69003",
                "slug": "Not A Slug",
                "colour": "red",
            },
            422,
        )
        assert answer["code"] == "validation_error"
        assert {e["field"] for e in answer["detail"]} == {"name", "city", "slug", "colour"}

    def test_a_malformed_body_is_named_as_the_body_not_as_a_character_offset(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        # Cut JSON was once named field "8", the offset where the parser stopped.
        for content in (b'{"name": "R\xc3\xa9sidence",', b"\xff\xfe{", b"[1, 2"):
            answer = api.client.post(
                "/api/v1/copros",
                content=content,
                headers={**admin, "Content-Type": "application/json"},
            )
            assert answer.status_code == 422, content
            assert answer.json()["code"] == "validation_error"
            assert [e["field"] for e in answer.json()["detail"]] == ["body"], content

    def test_a_slug_is_taken_once_on_the_platform(self, api: Api, admin: dict[str, str]) -> None:
        condo(api, admin)
        answer = api.command(
            "POST",
            "/copros",
            admin,
            {
                "name": "Résidence les tilleuls",
                "address": "1",
                "postal_code": "69003",
                "city": "Lyon",
            },
            409,
        )
        assert (answer["code"], answer["field"]) == ("duplicate_name", "slug")


class TestBuildingsAndEquipment:
    def test_a_duplicate_building_name_is_a_conflict_naming_the_field(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        copro_id = condo(api, admin)["id"]
        api.command("POST", f"/copros/{copro_id}/buildings", admin, {"name": "Bâtiment A"}, 201)
        answer = api.command(
            "POST", f"/copros/{copro_id}/buildings", admin, {"name": "bâtiment a"}, 409
        )
        assert (answer["code"], answer["field"]) == ("duplicate_name", "name")

    def test_an_unknown_category_and_a_negative_order_are_named(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        copro_id = condo(api, admin)["id"]
        building = api.command("POST", f"/copros/{copro_id}/buildings", admin, {"name": "A"}, 201)
        answer = api.command(
            "POST",
            f"/copros/{copro_id}/equipment",
            admin,
            {"building_id": building["id"], "name": "Lift", "category": "rocket", "order": -1},
            422,
        )
        assert {e["field"] for e in answer["detail"]} == {"category", "order"}

    def test_equipment_in_another_condos_building_is_refused(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        first = condo(api, admin)["id"]
        second = condo(api, admin, "Le Parc")["id"]
        building = api.command("POST", f"/copros/{second}/buildings", admin, {"name": "A"}, 201)
        answer = api.command(
            "POST",
            f"/copros/{first}/equipment",
            admin,
            {"building_id": building["id"], "name": "Lift", "category": "lift"},
            422,
        )
        assert answer["detail"][0]["field"] == "building_id"

    def test_a_building_with_active_equipment_cannot_be_archived(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        copro_id = condo(api, admin)["id"]
        building = api.command("POST", f"/copros/{copro_id}/buildings", admin, {"name": "A"}, 201)
        lift = api.command(
            "POST",
            f"/copros/{copro_id}/equipment",
            admin,
            {"building_id": building["id"], "name": "Lift", "category": "lift"},
            201,
        )
        refused = api.command("POST", f"/buildings/{building['id']}/archive", admin, None, 409)
        assert refused["code"] == "building_has_active_equipment"
        api.command("POST", f"/equipment/{lift['id']}/retire", admin)
        api.command("POST", f"/buildings/{building['id']}/archive", admin)

    def test_an_equipments_code_and_location_can_be_cleared_not_its_name(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        copro_id = condo(api, admin)["id"]
        building = api.command("POST", f"/copros/{copro_id}/buildings", admin, {"name": "A"}, 201)
        body = {"building_id": building["id"], "name": "Lift", "category": "lift"}
        lift = api.command(
            "POST",
            f"/copros/{copro_id}/equipment",
            admin,
            body | {"code": "ASC-1", "location": "Hall"},
            201,
        )
        cleared = api.command(
            "PATCH", f"/equipment/{lift['id']}", admin, {"code": None, "location": None}
        )
        listed = api.read(f"/copros/{copro_id}/equipment", admin, after=cleared["position"])
        piece = next(e for e in listed.json()["items"] if e["id"] == lift["id"])
        assert (piece["code"], piece["location"]) == (None, None)
        # Its code is free for another piece of equipment.
        body = body | {"name": "Lift 2", "code": "ASC-1"}
        api.command("POST", f"/copros/{copro_id}/equipment", admin, body, 201)
        refused = api.command("PATCH", f"/equipment/{lift['id']}", admin, {"name": None}, 422)
        assert [e["field"] for e in refused["detail"]] == ["name"]

    def test_an_edit_from_a_stale_version_is_a_conflict_with_the_current_version(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        copro_id = condo(api, admin)["id"]
        building = api.command("POST", f"/copros/{copro_id}/buildings", admin, {"name": "A"}, 201)
        api.command(
            "PATCH", f"/buildings/{building['id']}", admin, {"name": "A1", "expected_version": 1}
        )
        answer = api.command(
            "PATCH",
            f"/buildings/{building['id']}",
            admin,
            {"name": "A2", "expected_version": 1},
            409,
        )
        assert (answer["code"], answer["current_version"]) == ("version_conflict", 2)


class TestTenants:
    def test_a_manager_of_another_condo_gets_not_found(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        ours = condo(api, admin)["id"]
        theirs = condo(api, admin, "Le Parc")["id"]
        building = api.command("POST", f"/copros/{ours}/buildings", admin, {"name": "A"}, 201)
        outsider = manager_of(api, admin, theirs, "other@x.org")
        patched = api.command(
            "PATCH", f"/buildings/{building['id']}", outsider, {"name": "Mine"}, 404
        )
        listed = api.read(f"/copros/{ours}/equipment", outsider, after=building["position"])
        assert patched["code"] == "not_found"
        assert listed.status_code == 404

    def test_a_resident_may_not_manage(self, api: Api, admin: dict[str, str]) -> None:
        copro_id = condo(api, admin)["id"]
        api.command(
            "POST",
            f"/copros/{copro_id}/members",
            admin,
            {
                "email": "r@x.org",
                "first_name": "R",
                "last_name": "S",
                "role": "resident",
                "password": "a long password",
            },
            201,
        )
        resident = api.login("r@x.org", "a long password")
        assert (
            api.command("POST", f"/copros/{copro_id}/buildings", resident, {"name": "A"}, 403)[
                "code"
            ]
            == "forbidden"
        )


class TestReadingOwnWrites:
    def test_a_status_set_is_on_the_status_page_when_read_after_its_position(
        self, api: Api, admin: dict[str, str]
    ) -> None:
        copro_id = condo(api, admin)["id"]
        building = api.command(
            "POST", f"/copros/{copro_id}/buildings", admin, {"name": "Bâtiment A"}, 201
        )
        lift = api.command(
            "POST",
            f"/copros/{copro_id}/equipment",
            admin,
            {"building_id": building["id"], "name": "Ascenseur 1", "category": "lift"},
            201,
        )
        receipt = api.command(
            "PUT", f"/equipment/{lift['id']}/status", admin, {"status": "partial_outage"}
        )
        page = api.read("/status/residence-les-tilleuls", after=receipt["position"])
        assert page.status_code == 200
        assert int(page.headers["X-Copro-Position"]) >= receipt["position"]
        body = page.json()
        assert body["overall_status"] == "partial_outage"
        assert body["buildings"][0]["equipment"][0]["status"] == "partial_outage"

    def test_me_lists_my_roles(self, api: Api, admin: dict[str, str]) -> None:
        copro_id = condo(api, admin)["id"]
        api.command(
            "POST",
            f"/copros/{copro_id}/members",
            admin,
            {
                "email": "m@x.org",
                "first_name": "M",
                "last_name": "N",
                "role": "manager",
                "password": "a long password",
            },
            201,
        )
        manager = api.login("m@x.org", "a long password")
        receipt = api.command("POST", f"/copros/{copro_id}/buildings", manager, {"name": "A"}, 201)
        me = api.read("/auth/me", manager, after=receipt["position"]).json()
        assert [(r["copro_id"], r["role"], r["slug"]) for r in me["roles"]] == [
            (copro_id, "manager", "residence-les-tilleuls")
        ]

    def test_an_unknown_condo_is_not_found(self, api: Api) -> None:
        assert api.read("/status/nowhere").json()["code"] == "not_found"


class TestReadiness:
    def test_a_stopped_read_model_makes_the_site_not_ready_until_resumed(self, api: Api) -> None:
        from sqlalchemy import update

        from projections.state import projection_state

        assert api.read("/readyz").status_code == 200
        engine = api.client.app.query_app.state.engine  # type: ignore[attr-defined]
        with engine.begin() as tx:
            tx.execute(
                update(projection_state)
                .where(projection_state.c.name == "status_page")
                .values(state="failed", error="boom")
            )
        answer = api.read("/readyz")
        assert answer.status_code == 503 and answer.json()["failed_projections"] == ["status_page"]
