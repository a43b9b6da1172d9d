"""The export of `bench.audit`, in a process of its own that imports what `copro audit export`
imports (the command line's modules, then the export's): every condo's events exported one
condo after the other, each into its file by the command's own function, as `copro audit
export --condo` writes it. Prints the lines written, the RSS once the modules are imported and
the peak RSS, in MB.

    COPRO_DATABASE_URL=… .venv/bin/python -m bench.audit_export OUT_FOLDER
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sqlalchemy import select

import copro.cli  # noqa: F401  (what every `copro` command loads first)
from copro.audit import commands
from copro.read_store import read_engine
from copro.settings import Settings
from projections.audit_index import events


def main() -> None:
    imported = peak_mb()
    settings = Settings(database_url=os.environ["COPRO_DATABASE_URL"], env="dev")
    with read_engine(settings).connect() as conn:
        condos = conn.execute(select(events.c.copro_id).distinct()).scalars().all()
    folder = Path(sys.argv[1])
    lines = 0
    for copro_id in condos:
        if copro_id is None:
            continue  # what belongs to no condo is in no condo's export
        out = folder / f"{copro_id}.jsonl"
        if commands.export(settings, copro_id, out, lambda _: None) != 0:
            sys.exit(f"condo {copro_id}: not exported")
        with out.open("rb") as file:
            lines += sum(1 for _ in file)
    print(lines, imported, peak_mb())


def peak_mb() -> float:
    """This process's peak RSS (VmHWM: getrusage's would include the parent's before exec)."""
    status = Path("/proc/self/status").read_text()
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


if __name__ == "__main__":
    main()
