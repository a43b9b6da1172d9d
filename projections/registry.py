"""Every projection the projector runs, in the order it runs them."""

from __future__ import annotations

from projections import (
    access,
    audit_index,
    equipment_history,
    incidents,
    ledger,
    maintenance_calendar,
    members,
    status_page,
    tickets,
)
from projections.engine import Projection

PROJECTIONS: list[Projection] = [
    status_page.projection,
    access.projection,
    audit_index.projection,
    incidents.projection,
    maintenance_calendar.projection,
    equipment_history.projection,
    tickets.projection,
    members.projection,
    ledger.projection,
]
