"""The benchmarks' year of condo life (`bench.life`): it runs on the domain as it is today, so
a change of the demo's data or of a command cannot leave `bench.audit` or `bench.queries`
failing at their first minute, unseen until someone measures."""

from __future__ import annotations

from pathlib import Path

from bench.life import generate
from copro.bootstrap import open_condos
from copro.demo import MONTHLY_EXPENSES
from tests.conftest import settings_for


def test_a_generated_year_records_the_demos_invoices_by_what_was_bought(tmp_path: Path) -> None:
    settings = settings_for(tmp_path / "var")
    generate(settings, 3000)
    condos = open_condos(settings)
    try:
        stored = condos.recorder.select_notifications(start=1, limit=10_000)
        events = [condos.mapper.to_domain_event(n) for n in stored]
    finally:
        condos.close()
    assert len(events) >= 3000
    invoices = {
        e.description.split(",")[0] for e in events if type(e).__qualname__ == "Expense.Recorded"
    }
    assert {what for _, _, what, _ in MONTHLY_EXPENSES} <= invoices
