"""Interactive documentation of both APIs at `/api/v1/docs`: Swagger UI, its assets served from
this process (the copy `fastapi-offline` ships), never from a CDN."""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from starlette.staticfiles import StaticFiles

ASSETS = Path(fastapi_offline.__file__).parent / "static"
DOCS = "/api/v1/docs"
DOCUMENTS = [
    {"url": "/api/v1/query/openapi.json", "name": "Query API (reads)"},
    {"url": "/api/v1/command/openapi.json", "name": "Command API (writes)"},
]


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
