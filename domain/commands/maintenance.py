"""Commands on maintenance."""

from __future__ import annotations

from domain.commands.plumbing import CondosBase


class MaintenanceCommands(CondosBase):
    pass
