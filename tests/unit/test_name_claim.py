"""Name claims: one holder per name within a scope, whatever the spelling of the name."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest

from domain.errors import DuplicateName, RuleBroken
from domain.name_claim import claim_id, normalise

from .builders import COPRO_ID, MANAGER, as_manager, event_names, last_event, new_claim

SCOPE = str(COPRO_ID)


class TestNormalise:
    @pytest.mark.parametrize(
        "spelling",
        [
            "Bâtiment A",
            "bâtiment a",
            "BÂTIMENT A",
            "  Bâtiment   A ",
            "Bâtiment\tA",
            "Ba\u0302timent A",
        ],
    )
    def test_spellings_that_differ_by_case_spaces_or_accent_encoding_are_one_name(
        self, spelling: str
    ) -> None:
        assert normalise(spelling) == "bâtiment a"

    def test_keeps_accents_a_name_without_them_is_another_name(self) -> None:
        assert normalise("Bâtiment A") != normalise("Batiment A")
        assert normalise("Éclairage") == "éclairage"

    def test_full_width_letters_and_digits_are_the_plain_ones(self) -> None:
        assert normalise("ＡＳＣ－Ａ－０１") == normalise("asc-a-01")

    def test_casefolds_beyond_lower_case(self) -> None:
        assert normalise("Straße") == normalise("STRASSE")

    def test_a_name_and_its_upper_case_spelling_are_one_name_in_every_script(self) -> None:
        name = "\u0390"  # ΐ, whose upper case is Ϊ́
        assert normalise(name.upper()) == normalise(name)


class TestClaimId:
    def test_spellings_of_one_name_claim_the_same_id(self) -> None:
        assert claim_id(SCOPE, "building", "Bâtiment  A") == claim_id(
            SCOPE, "building", "bâtiment a"
        )
        assert claim_id(SCOPE, "building", "BÂTIMENT A") == claim_id(
            SCOPE, "building", "Ba\u0302timent a"
        )

    def test_the_same_name_in_another_condo_or_of_another_kind_is_another_claim(self) -> None:
        here = claim_id(SCOPE, "equipment", "Ascenseur 1")
        assert claim_id(str(uuid4()), "equipment", "Ascenseur 1") != here
        assert claim_id(SCOPE, "code", "Ascenseur 1") != here

    def test_the_id_of_a_claim_never_changes_or_held_names_would_be_free_again(self) -> None:
        assert claim_id("platform", "slug", "residence-les-tilleuls") == UUID(
            "8bde9fef-a780-57e8-b9fb-fee7cfcf6f69"
        )


class TestClaim:
    def test_the_claim_is_held_by_the_given_holder_under_the_name_as_written(self) -> None:
        holder = uuid4()
        claim = new_claim(kind="building", name="Bâtiment  A", holder_id=holder)
        assert claim.id == claim_id(SCOPE, "building", "bâtiment a")
        assert (claim.scope, claim.kind, claim.name) == (SCOPE, "building", "Bâtiment  A")
        assert claim.holder_id == holder

    def test_records_a_claimed_event_by_the_manager(self) -> None:
        event = last_event(new_claim())
        assert type(event).__name__ == "Claimed"
        assert (event.actor, event.request_id) == (MANAGER.id, MANAGER.request_id)


class TestReclaim:
    def test_its_holder_may_respell_the_name(self) -> None:
        holder = uuid4()
        claim = new_claim(name="Bâtiment A", holder_id=holder)
        with as_manager():
            claim.reclaim(name="BÂTIMENT A", holder_id=holder)
        assert (claim.name, claim.holder_id) == ("BÂTIMENT A", holder)
        assert type(last_event(claim)).__name__ == "Reclaimed"

    def test_a_released_name_can_be_taken_by_someone_else(self) -> None:
        newcomer = uuid4()
        claim = new_claim()
        with as_manager():
            claim.release()
            claim.reclaim(name="Bâtiment A", holder_id=newcomer)
        assert claim.holder_id == newcomer

    @pytest.mark.parametrize(
        ("kind", "field"),
        [("building", "name"), ("equipment", "name"), ("code", "code"), ("slug", "slug")],
    )
    def test_refuses_a_name_held_by_someone_else_naming_the_field(
        self, kind: str, field: str
    ) -> None:
        holder = uuid4()
        claim = new_claim(kind=kind, name="Bâtiment A", holder_id=holder)
        with as_manager(), pytest.raises(DuplicateName) as refused:
            claim.reclaim(name="bâtiment a", holder_id=uuid4())
        assert refused.value.code == "duplicate_name"
        assert isinstance(refused.value, RuleBroken)
        assert refused.value.details == {"field": field}
        assert "'bâtiment a'" in refused.value.message
        assert (claim.name, claim.holder_id) == ("Bâtiment A", holder)
        assert event_names(claim) == ["Claimed"]


class TestRelease:
    def test_the_name_is_held_by_no_one(self) -> None:
        claim = new_claim()
        with as_manager():
            claim.release()
        assert claim.holder_id is None
        assert claim.name == "Bâtiment A"
        assert type(last_event(claim)).__name__ == "Released"
        assert last_event(claim).request_id == MANAGER.request_id
