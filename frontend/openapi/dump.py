"""Writes the OpenAPI documents of the query and command APIs beside this file.

Run from the repository's root: `.venv/bin/python frontend/openapi/dump.py [OUT_DIR]`. The apps are
built on a throw-away embedded SQLite store (COPRO_ENV=dev): only their routes and models matter.
`npm run gen:api` then turns the documents into the frontend's TypeScript types.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))


def documents(data_dir: Path) -> dict[str, dict[str, Any]]:
    os.environ["COPRO_ENV"] = "dev"
    os.environ["COPRO_DATA_DIR"] = str(data_dir)
    from copro.bootstrap import create_command_api, open_condos, read_engine
    from copro.settings import Settings
    from query_api.app import create_query_app

    settings = Settings()
    condos = open_condos(settings)
    engine = read_engine(settings)
    try:
        return {
            "query": create_query_app(engine, settings).openapi(),
            # As served: with the operators' commands the site adds to the command app.
            "command": create_command_api(settings, condos, engine).openapi(),
        }
    finally:
        engine.dispose()
        condos.close()


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="copro-openapi-") as data_dir:
        for name, document in documents(Path(data_dir)).items():
            text = json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
            (out / f"{name}.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
