"""Commands on a condo's members: appointing, inviting, role changes and removal.

An account that exists joins another condo only by accepting an invitation, and until then the
condo learns nothing about it: inviting an email answers alike whether it has an account or
not, and the invitation names the email's claim either way. Every change of who manages a
condo also writes the condo's roster (`domain.roster`), so that the rule "at least one
manager" holds under concurrent changes.
"""

from __future__ import annotations

from uuid import UUID, uuid4

from eventsourcing.utils import get_topic

from domain.account import Account, AccountStatus, NotAMember, Role
from domain.base import Actor, one_of
from domain.commands.emails import EmailCommands
from domain.commands.plumbing import Receipt
from domain.condo import Condo
from domain.errors import Forbidden, NotFound
from domain.invitation import Invitation, invitation_id_for
from domain.roster import ManagerRoster, roster_id

Home = tuple[UUID | None, str | None, str | None]  # building, lot, floor


class MemberCommands(EmailCommands):
    def appoint_member(
        self,
        by: Actor,
        copro_id: UUID,
        *,
        email: str,
        first_name: str,
        last_name: str,
        role: str,
        building_id: UUID | None = None,
        lot: str | None = None,
        floor: str | None = None,
        password_hash: str | None = None,
    ) -> Receipt:
        """Opens an active account with a role in this condo for a new email. An email that
        has an account is invited instead, and answered as an invitation is: its owner joins
        only if they accept, and their names and password stay theirs."""
        with self._command(by):
            home = self._home_offered(by, copro_id, building_id, lot, floor)
            if self._account_by_email(email) is not None:
                return self._invite(copro_id, email, role, home)
            account = Account(id=uuid4(), status=AccountStatus.ACTIVE, is_admin=False)
            account.join(copro_id, role, *home)
            claim = self._claim_email(email, account.id)
            person = self._new_person(account.id, email, first_name, last_name, password_hash)
            roster = self._managers_after(copro_id, account)
            return self._save(account, claim, *roster, people=[person])

    def invite_member(
        self,
        by: Actor,
        copro_id: UUID,
        *,
        email: str,
        role: str,
        building_id: UUID | None = None,
        lot: str | None = None,
        floor: str | None = None,
    ) -> Receipt:
        """Invites the owner of an email to join the condo with a role; said alike whether
        the email has an account yet or not (one opened later finds the invitation)."""
        with self._command(by):
            home = self._home_offered(by, copro_id, building_id, lot, floor)
            return self._invite(copro_id, email, role, home)

    def accept_invitation(self, by: Actor, invitation_id: UUID) -> Receipt:
        """The invited account joins the condo with the role and home it was offered."""
        with self._command(by):
            account, invitation = self._own_invitation(by, invitation_id)
            self._get(Condo, invitation.copro_id).check_active()
            invitation.accept()
            account.join(
                invitation.copro_id,
                invitation.role,
                invitation.building_id,
                invitation.lot,
                invitation.floor,
            )
            roster = self._managers_after(invitation.copro_id, account)
            return self._save(invitation, account, *roster)

    def decline_invitation(self, by: Actor, invitation_id: UUID) -> Receipt:
        with self._command(by):
            _, invitation = self._own_invitation(by, invitation_id)
            invitation.decline()
            return self._save(invitation)

    def cancel_invitation(self, by: Actor, invitation_id: UUID) -> Receipt:
        """Withdraws an invitation not answered yet (a manager of its condo)."""
        with self._command(by):
            invitation = self._find(Invitation, invitation_id)
            if invitation is None:
                raise NotFound("no such invitation")
            self._require_role(by, invitation.copro_id, Role.MANAGER)
            invitation.cancel()
            return self._save(invitation)

    def change_role(self, by: Actor, copro_id: UUID, account_id: UUID, role: str) -> Receipt:
        """Gives a member of the condo another role there; the same role again changes
        nothing. The condo's last manager keeps the role."""
        with self._command(by):
            self._require_role(by, copro_id, Role.MANAGER)
            self._get(Condo, copro_id).check_active()
            account = self._find(Account, account_id)
            if account is None:
                raise NotAMember("no such member")
            before, role = account.role_in(copro_id), one_of(Role, role, "role")
            if before == role:
                return self._save(account)  # already so: nothing to record
            account.change_role(copro_id, role)
            roster = self._roster(copro_id)
            if before == Role.MANAGER:
                roster.remove(account.id)
            if role == Role.MANAGER:
                roster.add(account.id)
            return self._save(account, roster)

    # -- shared by the commands on members -----------------------------------------------------

    def _home_offered(
        self,
        by: Actor,
        copro_id: UUID,
        building_id: UUID | None,
        lot: str | None,
        floor: str | None,
    ) -> Home:
        """What a manager offers a newcomer: checked to be theirs to offer."""
        self._require_role(by, copro_id, Role.MANAGER)
        self._get(Condo, copro_id).check_active()
        if building_id is not None:
            self._building_of(copro_id, building_id, field="building_id")
        return building_id, lot, floor

    def _invite(self, copro_id: UUID, email: str, role: str, home: Home) -> Receipt:
        account = self._account_by_email(email)
        if account is not None:
            # The condo's own members are no news to its managers.
            account.check_not_member(copro_id)
        invitee_id = self._email_claim_id(email)
        invitation = self._find(Invitation, invitation_id_for(copro_id, invitee_id))
        if invitation is None:
            invitation = Invitation(
                id=invitation_id_for(copro_id, invitee_id),
                copro_id=copro_id,
                account_id=invitee_id,
                role=role,
                building_id=home[0],
                lot=home[1],
                floor=home[2],
            )
        else:
            invitation.renew(role, *home)
        return self._save(invitation)

    def _own_invitation(self, by: Actor, invitation_id: UUID) -> tuple[Account, Invitation]:
        """The signed-in caller's account and an invitation sent to it; anyone else's does
        not exist for them."""
        account = self._signed_in(by)
        invitation = self._find(Invitation, invitation_id)
        if invitation is None or invitation.account_id not in self._answers_to(account):
            raise NotFound("no such invitation")
        return account, invitation

    def _managed_memberships(self, by: Actor, account_id: UUID) -> tuple[Account, list[UUID]]:
        """An account the caller manages, and the condos where they do: those where it holds
        a role and the caller is a manager. Any other account does not exist for them."""
        account = self._find(Account, account_id)
        if account is None:
            raise NotFound("no such account")
        managed: list[UUID] = []
        refused: Forbidden | None = None
        for copro_id in map(UUID, account.memberships):
            try:
                self._require_role(by, copro_id, Role.MANAGER)
                managed.append(copro_id)
            except Forbidden as error:
                refused = error
            except NotFound:
                continue
        if not managed:
            # A member of the account's condo without the role learns it exists; others do not.
            raise refused or NotFound("no such account")
        return account, managed

    def _remove_member(self, by: Actor, account_id: UUID) -> Receipt:
        """Takes the account out of the condos the caller manages; its other memberships, and
        the account itself, stay."""
        account, managed = self._managed_memberships(by, account_id)
        rosters = []
        for copro_id in managed:
            if account.role_in(copro_id) == Role.MANAGER:
                roster = self._roster(copro_id)
                roster.remove(account.id)
                rosters.append(roster)
            account.end_membership(copro_id)
        return self._save(account, *rosters)

    def _managers_after(self, copro_id: UUID, account: Account) -> list[ManagerRoster]:
        """The condo's roster with the account on it, if it has just become a manager."""
        if account.role_in(copro_id) != Role.MANAGER:
            return []
        roster = self._roster(copro_id)
        roster.add(account.id)
        return [roster]

    def _roster(self, copro_id: UUID) -> ManagerRoster:
        roster = self._find(ManagerRoster, roster_id(copro_id))
        if roster is not None:
            return roster
        condo = self._get(Condo, copro_id)
        managers = [] if condo.managers_on_roster else self._managers_before_rosters(copro_id)
        return ManagerRoster(id=roster_id(copro_id), copro_id=copro_id, managers=managers)

    def _managers_before_rosters(self, copro_id: UUID) -> list[UUID]:
        """The managers of a condo registered before rosters, from its accounts' history: read
        once, when the roster begins (two commands beginning it at once collide)."""
        topic = get_topic(Account.RoleGranted)
        named: set[UUID] = set()
        start = 1
        while batch := self.recorder.select_notifications(start, 1000, topics=[topic]):
            for notification in batch:
                granted = self.mapper.to_domain_event(notification)
                if granted.copro_id == copro_id:  # type: ignore[attr-defined]
                    named.add(granted.originator_id)
            start = batch[-1].id + 1
        accounts = (self._find(Account, account_id) for account_id in sorted(named))
        return [a.id for a in accounts if a and a.role_in(copro_id) == Role.MANAGER]
