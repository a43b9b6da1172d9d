"""The condo (copropriété): its identity, address, public slug and whether its page is public."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any, ClassVar

from eventsourcing.domain import event

from domain.base import CondoAggregate
from domain.errors import InvalidValue, RuleBroken

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slugify(text: str) -> str:
    """`Résidence Les Tilleuls` → `residence-les-tilleuls`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")


class Condo(CondoAggregate):
    # The event classes that @event makes below, named for the type checker, which cannot see
    # their fields (the arguments of the methods).
    if TYPE_CHECKING:
        Updated: ClassVar[type[Any]]
        Archived: ClassVar[type[Any]]

    class Registered(CondoAggregate.Created):
        # v2: condos registered since keep their managers on a roster (`domain.roster`) from
        # the start; those registered before have theirs found in their accounts' history.
        class_version = 2

        name: str
        address: str
        postal_code: str
        city: str
        country: str
        slug: str
        public_status_page: bool
        managers_on_roster: bool

        @staticmethod
        def upcast_v1_v2(state: dict[str, object]) -> None:
            state["managers_on_roster"] = False

    @event(Registered)
    def __init__(
        self,
        name: str,
        address: str,
        postal_code: str,
        city: str,
        country: str,
        slug: str,
        public_status_page: bool,
        managers_on_roster: bool = True,
    ) -> None:
        check_slug(slug)
        self.name = name
        self.address = address
        self.postal_code = postal_code
        self.city = city
        self.country = country
        self.slug = slug
        self.public_status_page = public_status_page
        self.managers_on_roster = managers_on_roster
        self.archived = False

    @event("Updated")
    def update(self, changes: dict[str, object]) -> None:
        """Changes any of the registered fields; `changes` holds only what differs."""
        self.check_active()
        if "slug" in changes:
            check_slug(str(changes["slug"]))
        for name, value in changes.items():
            setattr(self, name, value)

    @event("Archived")
    def archive(self) -> None:
        self.check_active()
        self.archived = True

    def check_active(self) -> None:
        if self.archived:
            raise CondoArchived("this condo is archived")


EDITABLE_FIELDS = (
    "name",
    "address",
    "postal_code",
    "city",
    "country",
    "slug",
    "public_status_page",
)


def check_slug(slug: str) -> None:
    if not SLUG_PATTERN.match(slug) or not 2 <= len(slug) <= 60:
        raise InvalidValue("slug", "lower-case letters, digits and dashes, 2 to 60 characters")


class CondoArchived(RuleBroken):
    code = "condo_archived"
