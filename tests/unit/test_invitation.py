"""An invitation: sent to an account by id, answered once, sent again after an answer."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest

from domain.errors import InvalidValue
from domain.invitation import AlreadyInvited, Invitation, InvitationClosed, invitation_id_for

from .builders import COPRO_ID, as_manager, event_names, rebuild
from .test_events_roundtrip import through_json

INVITEE = uuid4()  # the claim of the invitee's email


def new_invitation(**overrides: Any) -> Invitation:
    fields: dict[str, Any] = {
        "id": invitation_id_for(COPRO_ID, INVITEE),
        "copro_id": COPRO_ID,
        "account_id": INVITEE,
        "role": "resident",
        "building_id": uuid4(),
        "lot": "12",
        "floor": "3",
    }
    with as_manager():
        return Invitation(**(fields | overrides))


class TestInvitationIdFor:
    def test_one_condo_and_account_make_one_invitation(self) -> None:
        assert invitation_id_for(COPRO_ID, INVITEE) == invitation_id_for(COPRO_ID, INVITEE)
        assert invitation_id_for(COPRO_ID, INVITEE) != invitation_id_for(uuid4(), INVITEE)


class TestSend:
    def test_names_the_account_by_id_and_awaits_its_answer(self) -> None:
        invitation = new_invitation()
        assert (invitation.account_id, invitation.role, invitation.status) == (
            INVITEE,
            "resident",
            "pending",
        )

    def test_carries_no_email(self) -> None:
        event = new_invitation().collect_events()[0]
        assert "example.fr" not in repr(vars(event))

    def test_refuses_an_unknown_role_naming_the_role_field(self) -> None:
        with pytest.raises(InvalidValue) as refused:
            new_invitation(role="syndic")
        assert refused.value.field == "role"


class TestAnswer:
    @pytest.mark.parametrize(
        ("answer", "status"),
        [("accept", "accepted"), ("decline", "declined"), ("cancel", "cancelled")],
    )
    def test_an_invitation_is_answered_once(self, answer: str, status: str) -> None:
        invitation = new_invitation()
        with as_manager():
            getattr(invitation, answer)()
            with pytest.raises(InvitationClosed) as refused:
                invitation.accept()
        assert invitation.status == status
        assert refused.value.code == "invitation_closed"


class TestRenew:
    def test_an_answered_invitation_can_be_sent_again_with_another_role(self) -> None:
        invitation = new_invitation()
        with as_manager():
            invitation.decline()
            invitation.renew(role="auditor", building_id=None, lot=None, floor=None)
        assert (invitation.status, invitation.role, invitation.lot) == ("pending", "auditor", None)

    def test_a_pending_invitation_is_not_sent_twice(self) -> None:
        invitation = new_invitation()
        with as_manager(), pytest.raises(AlreadyInvited) as refused:
            invitation.renew(role="manager", building_id=None, lot=None, floor=None)
        assert refused.value.code == "already_invited"
        assert invitation.role == "resident"
        assert event_names(invitation) == ["Sent"]

    def test_a_history_read_back_from_json_rebuilds_the_same_invitation(self) -> None:
        invitation = new_invitation()
        with as_manager():
            invitation.cancel()
            invitation.renew(role="manager", building_id=None, lot=None, floor=None)
            invitation.accept()
        assert rebuild(through_json(invitation.collect_events())) == invitation
