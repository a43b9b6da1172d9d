"""What both APIs accept at their edge: text without control characters, integers within 64
bits, times and days within the years a condo lives in.

A value outside these never reaches the domain, the event store or a read model: PostgreSQL
refuses NUL in text and integers past 64 bits, a time at year 1 in UTC+14 cannot be converted to
UTC, and a lone surrogate cannot be encoded at all. Each is refused with a 422 naming the field.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Annotated

from annotated_types import GroupedMetadata
from pydantic import AfterValidator, Field, StringConstraints

MAX_INT64 = 2**63 - 1
# The years a condo's history lives in: what is entered, filtered or asked for outside them is
# a typo (year 1, year 9999), not a date of the building's life.
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2099, 12, 31)
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)

# Allowed in long texts (descriptions, messages, comments): lines and indentation.
LAYOUT = frozenset("\n\r\t")


def control_character(value: str, allowed: frozenset[str] = frozenset()) -> str | None:
    """The first character of `value` that no text field may hold, if any: control characters
    (NUL included), lone surrogates, and line or paragraph separators."""
    for char in value:
        if char in allowed:
            continue
        if unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp"):
            return char
    return None


def refuse_control_characters(allowed: frozenset[str]) -> AfterValidator:
    def check(value: str) -> str:
        found = control_character(value, allowed)
        if found is not None:
            raise ValueError(f"must not contain control characters (found U+{ord(found):04X})")
        return value

    return AfterValidator(check)


@dataclass(frozen=True)
class _Text(GroupedMetadata):
    """Trimmed text between two lengths, refusing control characters but those `allowed`."""

    min_length: int
    max_length: int
    allowed: frozenset[str] = frozenset()

    def __iter__(self) -> Iterator[object]:
        yield StringConstraints(
            strip_whitespace=True, min_length=self.min_length, max_length=self.max_length
        )
        yield refuse_control_characters(self.allowed)


def text(min_length: int, max_length: int) -> _Text:
    """A one-line text (a name, a title): `Annotated[str, text(1, 100)]`."""
    return _Text(min_length, max_length)


def long_text(min_length: int, max_length: int) -> _Text:
    """A text of several lines (a description, a message, a comment)."""
    return _Text(min_length, max_length, LAYOUT)


# An email a person is held under, as an admin names it to erase or export what is held: any
# text with an @, not an email validator's opinion (its lists of reserved names change between
# versions; an email accepted once must stay erasable).
HeldEmail = Annotated[str, text(3, 320), StringConstraints(pattern=r"^[^@\s]+@[^@\s]+$")]


# A query or path string: searched for or looked up, never stored, but never sent to the
# database with a NUL in it either.
SearchText = Annotated[
    str, StringConstraints(max_length=200), refuse_control_characters(frozenset())
]


def _in_years(moment: datetime) -> datetime:
    # Compared before any conversion: 0001-01-01T00:00+14:00 has no UTC form to compare.
    if not FIRST_DAY.year - 1 <= moment.year <= LAST_DAY.year + 1:
        raise ValueError(f"must be from {EARLIEST:%Y-%m-%d} to {LAST_DAY:%Y-%m-%d}")
    in_utc = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    if not EARLIEST <= in_utc < LATEST:
        raise ValueError(f"must be from {EARLIEST:%Y-%m-%d} to {LAST_DAY:%Y-%m-%d}")
    return in_utc


def _day_in_years(day: date) -> date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"must be from {FIRST_DAY:%Y-%m-%d} to {LAST_DAY:%Y-%m-%d}")
    return day


# Keeps a time within the condo's years, and answers it in UTC.
IN_YEARS = AfterValidator(_in_years)
# A time, in UTC once accepted; one that names no offset is taken as UTC, as the API speaks UTC.
Instant = Annotated[datetime, IN_YEARS]
# A calendar day of the condo's life.
Day = Annotated[date, AfterValidator(_day_in_years)]
# Integers the stores can hold: a count, an offset, a version.
Count = Annotated[int, Field(ge=0, le=MAX_INT64)]
Version = Annotated[int, Field(ge=0, le=MAX_INT64)]
