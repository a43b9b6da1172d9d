"""Interactive documentation of both APIs at `/api/v1/docs`: Swagger UI, its assets served from
this process (the copy `fastapi-offline` ships), never from a CDN; and how both documents name
their operations."""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from starlette.staticfiles import StaticFiles

ASSETS = Path(fastapi_offline.__file__).parent / "static"
DOCS = "/api/v1/docs"
DOCUMENTS = [
    {"url": "/api/v1/query/openapi.json", "name": "Query API (reads)"},
    {"url": "/api/v1/command/openapi.json", "name": "Command API (writes)"},
]


def operation_id(route: APIRoute) -> str:
    """`<tag>-<what the route does>`: its function's name in kebab case after its first tag,
    the thing the tag names said once, so that a generated client reads well: `list_incidents`
    under `incidents` is `incidents-list`, `expenses_summary` under `expenses` is
    `expenses-summary`, `board` under `tickets` is `tickets-board`."""
    words = route.name.split("_")
    if not route.tags:
        return "-".join(words)
    tag = str(route.tags[0])
    thing = {tag, tag.removesuffix("s")}
    if len(words) > 1 and words[-1] in thing:
        words = words[:-1]
    elif len(words) > 1 and words[0] in thing:
        words = words[1:]
    return "-".join([tag, *words])


def mount_docs(app: FastAPI) -> None:
    """Adds the docs page and its assets to `app` (the one answering GET under /api)."""
    app.mount(f"{DOCS}/assets", StaticFiles(directory=ASSETS), name="docs-assets")

    @app.get(DOCS, include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=DOCUMENTS[0]["url"],
            title="Copro API",
            swagger_js_url=f"{DOCS}/assets/swagger-ui-bundle.js",
            swagger_css_url=f"{DOCS}/assets/swagger-ui.css",
            swagger_favicon_url=f"{DOCS}/assets/favicon.png",
            swagger_ui_parameters={"urls": DOCUMENTS, "urls.primaryName": DOCUMENTS[0]["name"]},
        )
