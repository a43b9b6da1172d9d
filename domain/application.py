"""The condo's write side: one application, its commands grouped by part of the product."""

from __future__ import annotations

from domain.commands.accounts import AccountCommands
from domain.commands.finance import FinanceCommands
from domain.commands.incidents import IncidentCommands
from domain.commands.maintenance import MaintenanceCommands
from domain.commands.plumbing import Receipt
from domain.commands.structure import StructureCommands
from domain.commands.tickets import TicketCommands
from domain.email_claim import AccountExists

__all__ = ["Condos", "Receipt", "AccountExists"]


class Condos(
    StructureCommands,
    AccountCommands,
    TicketCommands,
    IncidentCommands,
    MaintenanceCommands,
    FinanceCommands,
):
    """The event-sourced write side of every condo on the platform."""

    name = "copro"  # the events table is `copro_events`, its NOTIFY channel the same
