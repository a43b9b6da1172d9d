"""The condo's write side: one application, its commands grouped by part of the product."""

from __future__ import annotations

from domain.commands.accounts import AccountCommands
from domain.commands.plumbing import AccountExists, Receipt
from domain.commands.structure import StructureCommands

__all__ = ["Condos", "Receipt", "AccountExists"]


class Condos(StructureCommands, AccountCommands):
    """The event-sourced write side of every condo on the platform."""

    name = "copro"  # the events table is `copro_events`, its NOTIFY channel the same
