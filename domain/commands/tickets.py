"""Commands on tickets."""

from __future__ import annotations

from domain.commands.plumbing import CondosBase


class TicketCommands(CondosBase):
    pass
