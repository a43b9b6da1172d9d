"""The condo: its identity, its public slug, and archiving."""

from __future__ import annotations

import pytest

from domain.condo import CondoArchived, slugify
from domain.errors import InvalidValue, RuleBroken

from .builders import MANAGER, as_manager, event_names, last_event, new_condo


class TestSlugify:
    def test_turns_the_demo_condo_name_into_its_public_slug(self) -> None:
        assert slugify("Résidence Les Tilleuls") == "residence-les-tilleuls"

    def test_drops_accents_punctuation_and_repeated_separators(self) -> None:
        assert slugify("  Les  Jardins -- d'Été ! ") == "les-jardins-d-ete"

    def test_cuts_long_names_to_sixty_characters_without_a_trailing_dash(self) -> None:
        slug = slugify("a" * 59 + " bcd")
        assert slug == "a" * 59
        assert len(slugify("x" * 80)) == 60

    def test_answers_nothing_when_no_letter_or_digit_survives(self) -> None:
        assert slugify("!!! ---") == ""


class TestRegister:
    def test_records_the_condo_as_active(self) -> None:
        condo = new_condo()
        assert (condo.name, condo.city, condo.postal_code) == (
            "Résidence Les Tilleuls",
            "Lyon",
            "69003",
        )
        assert condo.slug == "residence-les-tilleuls"
        assert condo.public_status_page is True
        assert condo.archived is False

    def test_records_a_registered_event_by_the_manager(self) -> None:
        event = last_event(new_condo())
        assert type(event).__name__ == "Registered"
        assert (event.actor, event.request_id) == (MANAGER.id, MANAGER.request_id)

    @pytest.mark.parametrize("slug", ["ab", "lyon-3", "a" * 60, "69003"])
    def test_accepts_a_slug_of_lower_case_letters_digits_and_dashes(self, slug: str) -> None:
        assert new_condo(slug=slug).slug == slug

    @pytest.mark.parametrize(
        "slug",
        [
            "a",
            "",
            "Tilleuls",
            "résidence",
            "les tilleuls",
            "-tilleuls",
            "tilleuls-",
            "les--tilleuls",
            "a" * 61,
        ],
    )
    def test_refuses_a_bad_slug_naming_the_slug_field(self, slug: str) -> None:
        with pytest.raises(InvalidValue) as refused:
            new_condo(slug=slug)
        assert refused.value.code == "invalid_value"
        assert refused.value.field == "slug"


class TestUpdate:
    def test_changes_only_the_given_fields(self) -> None:
        condo = new_condo()
        with as_manager():
            condo.update(changes={"city": "Villeurbanne", "public_status_page": False})
        assert condo.city == "Villeurbanne"
        assert condo.public_status_page is False
        assert condo.address == "12 rue des Tilleuls"

    def test_records_what_changed(self) -> None:
        condo = new_condo()
        with as_manager():
            condo.update(changes={"slug": "tilleuls"})
        event = last_event(condo)
        assert type(event).__name__ == "Updated"
        assert event.changes == {"slug": "tilleuls"}
        assert event.actor == MANAGER.id
        assert condo.slug == "tilleuls"

    def test_refuses_a_bad_slug_and_keeps_the_old_one(self) -> None:
        condo = new_condo()
        with as_manager(), pytest.raises(InvalidValue) as refused:
            condo.update(changes={"name": "Autre nom", "slug": "Les Tilleuls"})
        assert refused.value.field == "slug"
        assert (condo.slug, condo.name) == ("residence-les-tilleuls", "Résidence Les Tilleuls")
        assert event_names(condo) == ["Registered"]

    def test_refuses_an_archived_condo(self) -> None:
        condo = new_condo()
        with as_manager():
            condo.archive()
            with pytest.raises(CondoArchived) as refused:
                condo.update(changes={"city": "Paris"})
        assert refused.value.code == "condo_archived"
        assert isinstance(refused.value, RuleBroken)
        assert condo.city == "Lyon"


class TestArchive:
    def test_archives_the_condo(self) -> None:
        condo = new_condo()
        with as_manager():
            condo.archive()
        assert condo.archived is True
        assert event_names(condo) == ["Registered", "Archived"]
        assert last_event(condo).request_id == MANAGER.request_id

    def test_refuses_a_condo_already_archived(self) -> None:
        condo = new_condo()
        with as_manager():
            condo.archive()
            with pytest.raises(CondoArchived) as refused:
                condo.archive()
        assert refused.value.code == "condo_archived"
        assert condo.version == 2
