"""An account: one per email, its status, and its roles per condo."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest

from domain.account import Account, AccountStateConflict, Role, account_id_for, normalise_email
from domain.errors import InvalidValue

from .builders import COPRO_ID, MANAGER, as_manager, event_names, last_event, new_account


class TestAccountIdFor:
    def test_ignores_the_case_of_the_email(self) -> None:
        assert account_id_for("Jeanne.Dupont@Example.FR") == account_id_for(
            "jeanne.dupont@example.fr"
        )

    def test_ignores_spaces_around_the_email(self) -> None:
        assert account_id_for("  jeanne@example.fr\n") == account_id_for("jeanne@example.fr")

    def test_two_different_emails_open_two_different_accounts(self) -> None:
        assert account_id_for("jeanne@example.fr") != account_id_for("jean@example.fr")

    def test_the_id_of_an_email_never_changes_or_existing_accounts_would_be_lost(self) -> None:
        assert account_id_for("jeanne@example.fr") == UUID("f61faac8-1bae-5db5-9247-7dc82b29b11a")

    def test_the_stored_email_is_the_normalised_one(self) -> None:
        assert normalise_email(" Jeanne@EXAMPLE.fr ") == "jeanne@example.fr"


class TestOpen:
    def test_opens_the_account_under_the_given_id_with_no_role(self) -> None:
        account_id = account_id_for("jeanne@example.fr")
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

    def test_a_new_role_in_the_same_condo_replaces_the_old_one(self) -> None:
        account = new_account()
        with as_manager():
            account.grant_role(
                copro_id=COPRO_ID, role="resident", building_id=uuid4(), lot="1", floor="0"
            )
            account.grant_role(
                copro_id=COPRO_ID, role=Role.MANAGER, building_id=None, lot=None, floor=None
            )
        assert account.role_in(COPRO_ID) == "manager"
        assert account.memberships[str(COPRO_ID)]["lot"] is None
        assert len(account.memberships) == 1

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
