"""Commands on incidents."""

from __future__ import annotations

from domain.commands.plumbing import CondosBase


class IncidentCommands(CondosBase):
    pass
