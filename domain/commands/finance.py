"""Commands on finance."""

from __future__ import annotations

from domain.commands.plumbing import CondosBase


class FinanceCommands(CondosBase):
    pass
