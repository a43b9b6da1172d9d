"""The export of `bench.audit`, in a process of its own that imports what `copro audit export`
imports (the command line's modules, then the export's) and opens the read store as it does:
every condo's events exported one condo after the other, each into its own file, as `copro
audit export --condo` writes it, through one engine (as one command's process has one): the
lines of a million events streamed by one process. Prints the lines written, the RSS once the
modules are imported and the peak RSS, in MB.

    COPRO_DATABASE_URL=… .venv/bin/python -m bench.audit_export OUT_FOLDER
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sqlalchemy import select

import copro.audit.commands  # noqa: F401  (the command's own module)
import copro.cli  # noqa: F401  (what every `copro` command loads first)
from copro.read_store import read_tables
from copro.settings import Settings
from projections.audit_index import events
from query_api.views.audit import AuditFilter, export_lines


def main() -> None:
    imported = peak_mb()
    settings = Settings(database_url=os.environ["COPRO_DATABASE_URL"], env="dev")
    engine = read_tables(settings)
    with engine.connect() as conn:
        condos = conn.execute(select(events.c.copro_id).distinct()).scalars().all()
    lines = 0
    for copro_id in condos:
        if copro_id is None:
            continue  # what belongs to no condo is in no condo's export
        with (Path(sys.argv[1]) / f"{copro_id}.jsonl").open("w", encoding="utf-8") as file:
            for line in export_lines(engine, copro_id, AuditFilter()):
                file.write(line)
                lines += 1
    print(lines, imported, peak_mb())


def peak_mb() -> float:
    """This process's peak RSS (VmHWM: getrusage's would include the parent's before exec)."""
    status = Path("/proc/self/status").read_text()
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


if __name__ == "__main__":
    main()
