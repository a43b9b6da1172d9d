"""Both OpenAPI documents and the interactive docs, on the one origin, served by us alone."""

from __future__ import annotations

from tests.integration.api import Api

ERRORS = {"401", "403", "404", "422", "503"}
# The condo's commands may meet a rule (409; the operators' routes declare their own); these
# are limited per client address (429), and no other.
LIMITED = {"auth-login", "auth-register", "auth-change-password", "tickets-report"}


def test_both_documents_are_on_the_one_origin_with_their_error_answers(api: Api) -> None:
    for part, title in (("command", "Copro command API"), ("query", "Copro query API")):
        answer = api.client.get(f"/api/v1/{part}/openapi.json")
        assert answer.status_code == 200, part
        document = answer.json()
        assert document["info"]["title"] == title
        for path, operations in document["paths"].items():
            for verb, operation in operations.items():
                declared = set(operation["responses"])
                assert ERRORS <= declared, (part, verb, path, declared)
                if part == "command":
                    assert "409" in declared or path.startswith("/api/v1/ops/"), (verb, path)
                    limited = operation["operationId"] in LIMITED
                    assert ("429" in declared) == limited, (verb, path, declared)
                refusal = operation["responses"]["422"]["content"]["application/json"]
                assert refusal["schema"]["$ref"].endswith("/Refusal"), (verb, path)


def test_the_interactive_docs_load_their_assets_from_this_origin(api: Api) -> None:
    page = api.client.get("/api/v1/docs")
    assert page.status_code == 200
    assert "/api/v1/query/openapi.json" in page.text
    assert "/api/v1/command/openapi.json" in page.text
    assert "cdn" not in page.text.lower() and "https://" not in page.text.split("<body")[1]
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css"):
        answer = api.client.get(f"/api/v1/docs/assets/{asset}")
        assert answer.status_code == 200 and len(answer.content) > 10_000, asset
