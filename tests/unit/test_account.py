"""An account: one per email, its status, and its roles per condo."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest

from domain.account import (
    Account,
    AccountDeactivated,
    AccountErased,
    AccountPending,
    AccountStateConflict,
    AlreadyMember,
    NotAMember,
    Role,
    normalise_email,
    old_scheme_account_id,
)
from domain.errors import InvalidValue

from .builders import COPRO_ID, MANAGER, as_manager, event_names, last_event, new_account, rebuild


class TestOldSchemeAccountId:
    """The ids accounts were opened under before email claims, which the upgrade and erasure
    recognise."""

    def test_ignores_the_case_of_the_email(self) -> None:
        assert old_scheme_account_id("Jeanne.Dupont@Example.FR") == old_scheme_account_id(
            "jeanne.dupont@example.fr"
        )

    def test_ignores_spaces_around_the_email(self) -> None:
        assert old_scheme_account_id("  jeanne@example.fr\n") == old_scheme_account_id(
            "jeanne@example.fr"
        )

    def test_two_different_emails_had_two_different_ids(self) -> None:
        assert old_scheme_account_id("jeanne@example.fr") != old_scheme_account_id(
            "jean@example.fr"
        )

    def test_the_old_id_of_an_email_never_changes_or_old_accounts_would_not_be_known(
        self,
    ) -> None:
        expected = UUID("f61faac8-1bae-5db5-9247-7dc82b29b11a")
        assert old_scheme_account_id("jeanne@example.fr") == expected

    def test_the_stored_email_is_the_normalised_one(self) -> None:
        assert normalise_email(" Jeanne@EXAMPLE.fr ") == "jeanne@example.fr"


class TestOpen:
    def test_opens_the_account_under_the_given_id_with_no_role(self) -> None:
        account_id = uuid4()
        with as_manager():
            account = Account(id=account_id, status="pending", is_admin=False)
        assert account.id == account_id
        assert account.status == "pending"
        assert account.memberships == {}
        assert account.role_in(COPRO_ID) is None

    def test_records_an_opened_event_by_the_manager(self) -> None:
        event = last_event(new_account())
        assert type(event).__name__ == "Opened"
        assert (event.actor, event.request_id) == (MANAGER.id, MANAGER.request_id)

    @pytest.mark.parametrize(
        ("status", "can_log_in"), [("pending", False), ("active", True), ("deactivated", False)]
    )
    def test_only_an_active_account_can_log_in(self, status: str, can_log_in: bool) -> None:
        assert new_account(status=status).can_log_in is can_log_in

    @pytest.mark.parametrize("status", ["Active", "enabled", ""])
    def test_refuses_an_unknown_status_naming_the_status_field(self, status: str) -> None:
        with pytest.raises(InvalidValue) as refused:
            new_account(status=status)
        assert refused.value.code == "invalid_value"
        assert refused.value.field == "status"


class TestGrantRole:
    def test_gives_a_role_and_a_home_in_the_condo(self) -> None:
        account, building_id = new_account(), uuid4()
        with as_manager():
            account.grant_role(
                copro_id=COPRO_ID, role="resident", building_id=building_id, lot="12", floor="3"
            )
        assert account.role_in(COPRO_ID) == "resident"
        assert account.memberships[str(COPRO_ID)] == {
            "role": "resident",
            "building_id": building_id,
            "lot": "12",
            "floor": "3",
        }
        assert type(last_event(account)).__name__ == "RoleGranted"
        assert last_event(account).actor == MANAGER.id

    def test_a_role_granted_again_in_a_stored_history_replays_as_a_replacement(self) -> None:
        # Before role changes were their own command, appointing again granted the role again.
        account = new_account()
        with as_manager():
            account.grant_role(
                copro_id=COPRO_ID, role="resident", building_id=uuid4(), lot="1", floor="0"
            )
            account.grant_role(
                copro_id=COPRO_ID, role=Role.MANAGER, building_id=None, lot=None, floor=None
            )
        replayed = rebuild(account.collect_events())
        assert replayed.role_in(COPRO_ID) == "manager"
        assert replayed.memberships[str(COPRO_ID)]["lot"] is None
        assert len(replayed.memberships) == 1

    def test_holds_roles_in_several_condos(self) -> None:
        account, other_copro = new_account(), uuid4()
        with as_manager():
            account.grant_role(
                copro_id=COPRO_ID, role="manager", building_id=None, lot=None, floor=None
            )
            account.grant_role(
                copro_id=other_copro, role="auditor", building_id=None, lot=None, floor=None
            )
        assert (account.role_in(COPRO_ID), account.role_in(other_copro)) == ("manager", "auditor")
        assert account.role_in(uuid4()) is None

    @pytest.mark.parametrize("role", ["admin", "Manager", "syndic", ""])
    def test_refuses_an_unknown_role_naming_the_role_field(self, role: str) -> None:
        account = new_account()
        with as_manager(), pytest.raises(InvalidValue) as refused:
            account.grant_role(copro_id=COPRO_ID, role=role, building_id=None, lot=None, floor=None)
        assert refused.value.field == "role"
        assert account.memberships == {}
        assert event_names(account) == ["Opened"]


class TestJoin:
    def test_gives_a_role_and_a_home_in_a_condo_it_was_not_in(self) -> None:
        account, building_id = new_account(), uuid4()
        with as_manager():
            account.join(COPRO_ID, "resident", building_id, "12", "3")
        assert account.role_in(COPRO_ID) == "resident"
        assert event_names(account) == ["Opened", "RoleGranted"]

    def test_refuses_a_member_of_the_condo_and_leaves_its_role_alone(self) -> None:
        account = new_account()
        with as_manager():
            account.join(COPRO_ID, "manager", None, None, None)
            with pytest.raises(AlreadyMember) as refused:
                account.join(COPRO_ID, "resident", uuid4(), "1", "0")
        assert refused.value.code == "already_member"
        assert account.role_in(COPRO_ID) == "manager"
        assert event_names(account) == ["Opened", "RoleGranted"]


class TestChangeRole:
    def test_gives_a_member_another_role_and_keeps_their_home(self) -> None:
        account, building_id = new_account(), uuid4()
        with as_manager():
            account.join(COPRO_ID, "resident", building_id, "12", "3")
            account.change_role(copro_id=COPRO_ID, role="manager")
        assert account.memberships[str(COPRO_ID)] == {
            "role": "manager",
            "building_id": building_id,
            "lot": "12",
            "floor": "3",
        }
        assert type(last_event(account)).__name__ == "RoleChanged"

    def test_refuses_an_account_that_is_no_member_of_the_condo(self) -> None:
        account = new_account()
        with as_manager(), pytest.raises(NotAMember) as refused:
            account.change_role(copro_id=COPRO_ID, role="manager")
        assert refused.value.code == "not_found"
        assert event_names(account) == ["Opened"]

    def test_refuses_an_unknown_role_naming_the_role_field(self) -> None:
        account = new_account()
        with as_manager():
            account.join(COPRO_ID, "resident", None, None, None)
            with pytest.raises(InvalidValue) as refused:
                account.change_role(copro_id=COPRO_ID, role="syndic")
        assert refused.value.field == "role"
        assert account.role_in(COPRO_ID) == "resident"


class TestEndMembership:
    def test_takes_the_account_out_of_one_condo_only(self) -> None:
        account, other_copro = new_account(status="active"), uuid4()
        with as_manager():
            account.join(COPRO_ID, "resident", None, None, None)
            account.join(other_copro, "auditor", None, None, None)
            account.end_membership(copro_id=COPRO_ID)
        assert (account.role_in(COPRO_ID), account.role_in(other_copro)) == (None, "auditor")
        assert account.status == "active"
        assert type(last_event(account)).__name__ == "MembershipEnded"

    def test_refuses_an_account_that_is_no_member_of_the_condo(self) -> None:
        account = new_account()
        with as_manager(), pytest.raises(NotAMember):
            account.end_membership(copro_id=COPRO_ID)


class TestCheckCanLogIn:
    def test_tells_a_pending_account_it_awaits_activation(self) -> None:
        with pytest.raises(AccountPending) as refused:
            new_account(status="pending").check_can_log_in()
        assert refused.value.code == "account_pending"

    def test_tells_a_deactivated_account_it_is_deactivated(self) -> None:
        with pytest.raises(AccountDeactivated) as refused:
            new_account(status="deactivated").check_can_log_in()
        assert refused.value.code == "account_deactivated"

    def test_lets_an_active_account_through(self) -> None:
        new_account(status="active").check_can_log_in()


class TestGrantAdmin:
    def test_makes_the_account_a_platform_admin(self) -> None:
        account = new_account(status="active")
        with as_manager():
            account.grant_admin()
        assert account.is_admin is True
        assert type(last_event(account)).__name__ == "AdminGranted"


class TestActivate:
    @pytest.mark.parametrize("status", ["pending", "deactivated"])
    def test_lets_a_pending_or_deactivated_account_log_in(self, status: str) -> None:
        account = new_account(status=status)
        with as_manager():
            account.activate()
        assert account.status == "active"
        assert account.can_log_in is True
        assert type(last_event(account)).__name__ == "Activated"

    def test_refuses_an_account_already_active(self) -> None:
        account = new_account(status="active")
        with as_manager(), pytest.raises(AccountStateConflict) as refused:
            account.activate()
        assert refused.value.code == "account_state_conflict"
        assert account.version == 1


class TestDeactivate:
    @pytest.mark.parametrize("status", ["pending", "active"])
    def test_stops_the_account_from_logging_in(self, status: str) -> None:
        account = new_account(status=status)
        with as_manager():
            account.deactivate()
        assert account.status == "deactivated"
        assert account.can_log_in is False
        assert type(last_event(account)).__name__ == "Deactivated"

    def test_refuses_an_account_already_deactivated(self) -> None:
        account = new_account(status="deactivated")
        with as_manager(), pytest.raises(AccountStateConflict) as refused:
            account.deactivate()
        assert refused.value.code == "account_state_conflict"
        assert account.status == "deactivated"
        assert account.version == 1


class TestErase:
    @pytest.mark.parametrize("status", ["pending", "active", "deactivated"])
    def test_closes_the_account_for_good_and_says_it_was_erased(self, status: str) -> None:
        account = new_account(status=status)
        with as_manager():
            account.erase()
        assert (account.status, account.erased, account.can_log_in) == (
            "deactivated",
            True,
            False,
        )
        closing = [] if status == "deactivated" else ["Deactivated"]
        assert event_names(account)[1:] == [*closing, "Erased"]
        assert rebuild(account.pending_events).erased is True

    def test_an_erased_account_is_never_activated_again(self) -> None:
        account = new_account(status="active")
        with as_manager():
            account.erase()
        with as_manager(), pytest.raises(AccountErased) as refused:
            account.activate()
        assert refused.value.code == "account_erased"

    def test_refuses_an_account_already_erased(self) -> None:
        account = new_account(status="active")
        with as_manager():
            account.erase()
        with as_manager(), pytest.raises(AccountErased):
            account.erase()

    def test_an_account_opened_before_erasure_existed_replays_as_not_erased(self) -> None:
        account = new_account(status="active")
        assert rebuild(account.pending_events).erased is False
