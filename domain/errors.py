"""The kinds of refusal every aggregate can raise; each carries a stable machine code."""

from __future__ import annotations


class DomainError(Exception):
    """A command was refused. `code` is stable: clients branch on it."""

    code = "refused"

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class NotFound(DomainError):
    """The thing does not exist, or the caller may not know it exists."""

    code = "not_found"


class Forbidden(DomainError):
    """The caller is known in this condo but lacks the role for this command."""

    code = "forbidden"


class NotAuthenticated(DomainError):
    code = "not_authenticated"


class RuleBroken(DomainError):
    """A rule of the product refuses the command in the current state (HTTP 409)."""

    code = "rule_broken"


class InvalidValue(DomainError):
    """A value no command may carry, named by `field` (HTTP 422)."""

    code = "invalid_value"

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message, field=field)
        self.field = field


class VersionConflict(RuleBroken):
    """Someone else changed the aggregate since the caller read it."""

    code = "version_conflict"

    def __init__(self, current_version: int) -> None:
        super().__init__(
            "changed by someone else since you read it", current_version=current_version
        )
        self.current_version = current_version


class DuplicateName(RuleBroken):
    code = "duplicate_name"
