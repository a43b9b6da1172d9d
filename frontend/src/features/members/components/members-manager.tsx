import './members.css';

import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ConfirmAction } from '@/components/ui/confirm-action';
import { DoneNotice } from '@/components/ui/done-notice';
import { ActionError } from '@/components/ui/form/action-error';
import { RefusalText } from '@/components/ui/form/refusal-text';
import { LoadFailed } from '@/components/ui/load-failed';
import { Spinner } from '@/components/ui/spinner';
import { useActivateAccount } from '@/features/members/api/activate-account';
import { ROLES, useChangeRole, type Role } from '@/features/members/api/change-role';
import { useCancelInvitation } from '@/features/members/api/cancel-invitation';
import { useInvitations } from '@/features/members/api/get-invitations';
import { useChosenMembers, useMembers } from '@/features/members/api/get-members';
import { useRemoveMember } from '@/features/members/api/remove-member';
import { ACCOUNT_STATUSES, isAccountStatus, isRole, listedMembers, NO_MEMBER_FILTER, pendingSignUps } from '@/features/members/components/member-rules';
import { NewcomerForm } from '@/features/members/components/newcomer-form';
import { memberName, type Member, type MemberFilter, type PendingInvitation } from '@/features/members/types';
import { ApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format-date';

type MembersManagerProps = {
  coproId: string;
  /** The signed-in manager: they cannot remove themselves. */
  selfId: string;
  buildings: { id: string; name: string }[];
  /** Called once the signed-in manager gave themselves another role: what they may open changed. */
  onOwnRoleChanged: () => void;
};

type Context = Omit<MembersManagerProps, 'buildings'> & {
  buildingName: (id: string | null) => string | null;
  done: (message: string) => void;
};

/** The condo's members: sign-ups to activate, roles, removal from the condo, newcomers. */
export function MembersManager({ coproId, selfId, buildings, onOwnRoleChanged }: MembersManagerProps) {
  const { t } = useTranslation('members');
  const members = useMembers(coproId);
  const [notice, setNotice] = useState('');
  const names = new Map(buildings.map((building) => [building.id, building.name]));
  const context: Context = {
    coproId,
    selfId,
    onOwnRoleChanged,
    buildingName: (id) => (id ? (names.get(id) ?? null) : null),
    done: setNotice,
  };

  if (members.isPending) return <Spinner label={t('page.loading')} />;
  if (members.isError) {
    return <LoadFailed error={members.error} onRetry={() => void members.refetch()} />;
  }
  const pending = pendingSignUps(members.data.items);
  return (
    <div className="members">
      <DoneNotice text={notice} testId="members-notice" />
      <section className="card console-section" aria-labelledby="pending-title" data-testid="pending-signups">
        <h2 id="pending-title">{t('pending.title')}</h2>
        <p className="muted small">{t('pending.intro')}</p>
        {pending.length === 0 ? (
          <p className="muted">{t('pending.none')}</p>
        ) : (
          <ul className="members__list">
            {pending.map((member) => (
              <PendingSignUp key={member.account_id} member={member} context={context} />
            ))}
          </ul>
        )}
      </section>
      <MembersList everyone={members.data} context={context} />
      <PendingInvitations context={context} />
      <div className="members__newcomers">
        <NewcomerForm kind="invite" coproId={coproId} buildings={buildings} onDone={setNotice} />
        <NewcomerForm kind="create" coproId={coproId} buildings={buildings} onDone={setNotice} />
      </div>
    </div>
  );
}

/** The members of a role and status the manager picks (any by default: all but the sign-ups
 * awaiting activation, listed above). */
function MembersList({ everyone, context }: { everyone: { items: Member[]; total: number }; context: Context }) {
  const { t } = useTranslation('members');
  const { t: tCommon } = useTranslation();
  const [filter, setFilter] = useState<MemberFilter>(NO_MEMBER_FILTER);
  const narrowed = filter.role !== '' || filter.status !== '';
  const chosen = useChosenMembers(context.coproId, filter);
  const page = narrowed ? chosen.data : everyone;
  const shown = page ? listedMembers(page.items, filter) : [];
  return (
    <section className="card console-section" aria-labelledby="members-title" aria-busy={narrowed && chosen.isFetching}>
      <h2 id="members-title">
        {t('list.title')} <span className="muted small">· {t('list.count', { count: shown.length })}</span>
      </h2>
      <div className="members__filters" role="group" aria-label={t('filter.legend')}>
        <div className="field">
          <label htmlFor="members-filter-role">{t('filter.role')}</label>
          <select
            id="members-filter-role"
            value={filter.role}
            onChange={(event) => setFilter({ ...filter, role: isRole(event.target.value) ? event.target.value : '' })}
          >
            <option value="">{t('filter.anyRole')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {tCommon(`role.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="members-filter-status">{t('filter.status')}</label>
          <select
            id="members-filter-status"
            value={filter.status}
            onChange={(event) => setFilter({ ...filter, status: isAccountStatus(event.target.value) ? event.target.value : '' })}
          >
            <option value="">{t('filter.anyStatus')}</option>
            {ACCOUNT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {narrowed && chosen.isPending ? <Spinner label={t('page.loading')} /> : null}
      {narrowed && chosen.isError ? <LoadFailed error={chosen.error} onRetry={() => void chosen.refetch()} /> : null}
      {page && page.total > page.items.length ? (
        <p className="muted small">{t('list.partial', { shown: page.items.length, total: page.total })}</p>
      ) : null}
      {page && shown.length === 0 ? (
        <p className="muted">{narrowed ? t('filter.none') : t('list.empty')}</p>
      ) : null}
      {shown.length > 0 ? (
        <ul className="members__list">
          {shown.map((member) => (
            <MemberRow key={member.account_id} member={member} context={context} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The invitations the condo sent that nobody answered yet, each withdrawn with a confirmation.
 * They show the role and home offered and when they left, never the email: the invitation does
 * not keep it, so the condo learns nothing of whoever it reaches. */
function PendingInvitations({ context }: { context: Context }) {
  const { t } = useTranslation('members');
  const invitations = useInvitations(context.coproId);
  return (
    <section className="card console-section" aria-labelledby="invitations-title" data-testid="pending-invitations">
      <h2 id="invitations-title">
        {t('invitations.title')}
        {invitations.data ? <span className="muted small"> · {t('invitations.count', { count: invitations.data.total })}</span> : null}
      </h2>
      <p className="muted small">{t('invitations.intro')}</p>
      {invitations.isPending ? <Spinner label={t('invitations.loading')} /> : null}
      {invitations.isError ? <LoadFailed error={invitations.error} onRetry={() => void invitations.refetch()} /> : null}
      {invitations.data && invitations.data.items.length === 0 ? <p className="muted">{t('invitations.none')}</p> : null}
      {invitations.data && invitations.data.items.length > 0 ? (
        <ul className="members__list">
          {invitations.data.items.map((invitation) => (
            <InvitationRow key={invitation.id} invitation={invitation} context={context} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function InvitationRow({ invitation, context }: { invitation: PendingInvitation; context: Context }) {
  const { t, i18n } = useTranslation('members');
  const { t: tCommon } = useTranslation();
  const cancel = useCancelInvitation();
  const sent = formatDateTime(invitation.sent_at, i18n.language);
  const what = t('invitations.what', { role: tCommon(`role.${invitation.role}`), date: sent });
  const home = [
    context.buildingName(invitation.building_id),
    invitation.lot ? t('list.lot', { lot: invitation.lot }) : null,
    invitation.floor ? t('list.floor', { floor: invitation.floor }) : null,
  ].filter(Boolean);
  return (
    <li className="members__row members__row--invitation" data-testid="pending-invitation">
      <div className="members__identity">
        <p className="members__name">{tCommon(`role.${invitation.role}`)}</p>
        <p className="small">{home.length ? home.join(' · ') : t('list.noHome')}</p>
      </div>
      <p className="small muted">{t('invitations.sentOn', { date: sent })}</p>
      <div className="members__actions">
        <ConfirmAction
          label={t('invitations.cancel')}
          accessibleLabel={t('invitations.cancelOf', { what })}
          question={t('invitations.confirm', { what })}
          confirmLabel={t('invitations.yes')}
          danger
          onConfirm={async () => {
            await cancel.mutateAsync({ invitationId: invitation.id });
            context.done(t('invitations.cancelled', { what }));
          }}
          refusal={(error) => <RefusalText error={error} />}
        />
      </div>
    </li>
  );
}

function useDisplayName() {
  const { t } = useTranslation('members');
  return (member: Member) => memberName(member) ?? member.email ?? t('list.erased');
}

/** Where the member lives in the condo: "Bâtiment A · lot A12 · étage 3". */
function Home({ member, context }: { member: Member; context: Context }) {
  const { t } = useTranslation('members');
  const parts = [
    context.buildingName(member.building_id),
    member.lot ? t('list.lot', { lot: member.lot }) : null,
    member.floor ? t('list.floor', { floor: member.floor }) : null,
  ].filter(Boolean);
  return <>{parts.length ? parts.join(' · ') : t('list.noHome')}</>;
}

function Identity({ member, context }: { member: Member; context: Context }) {
  const { t } = useTranslation('members');
  const name = useDisplayName()(member);
  return (
    <div className="members__identity">
      <p className="members__name">
        {name} {member.account_id === context.selfId ? <span className="muted">{t('list.you')}</span> : null}
      </p>
      {member.email && member.email !== name ? <p className="small muted members__email">{member.email}</p> : null}
      <p className="small">
        <Home member={member} context={context} />
      </p>
    </div>
  );
}

function PendingSignUp({ member, context }: { member: Member; context: Context }) {
  const { t, i18n } = useTranslation('members');
  const activate = useActivateAccount();
  const name = useDisplayName()(member);
  return (
    <li className="members__row" data-testid="pending-member">
      <Identity member={member} context={context} />
      <p className="small muted">{t('pending.signedUp', { date: formatDateTime(member.granted_at, i18n.language) })}</p>
      <div className="members__actions">
        <button
          type="button"
          className="button button--primary"
          aria-label={t('pending.activateOf', { name })}
          disabled={activate.isPending}
          onClick={() =>
            // The row goes once the account is active (read again before the mutation settles),
            // and a gone row's `mutate` callbacks never run: the promise is followed instead.
            activate
              .mutateAsync({ accountId: member.account_id })
              .then(() => context.done(t('pending.activated', { name })))
              .catch(() => undefined) // shown beside the button by `activate.error`
          }
        >
          {t('pending.activate')}
        </button>
        {activate.error ? <MemberRefusal error={activate.error} member={member} /> : null}
      </div>
    </li>
  );
}

function MemberRow({ member, context }: { member: Member; context: Context }) {
  const { t } = useTranslation('members');
  const remove = useRemoveMember();
  const name = useDisplayName()(member);
  const self = member.account_id === context.selfId;
  return (
    <li className="members__row" data-testid="member">
      <Identity member={member} context={context} />
      <p className="members__status small">
        <span className={`account-status account-status--${member.status}`}>
          {isAccountStatus(member.status) ? t(`status.${member.status}`) : member.status}
        </span>
      </p>
      <div className="members__actions">
        <RoleChoice member={member} name={name} context={context} />
        {self ? null : (
          <ConfirmAction
            label={t('remove.action')}
            accessibleLabel={t('remove.actionOf', { name })}
            question={t('remove.confirm', { name })}
            confirmLabel={t('remove.yes')}
            danger
            onConfirm={async () => {
              await remove.mutateAsync({ accountId: member.account_id });
              context.done(t('remove.done', { name }));
            }}
            refusal={(error) =>
              error instanceof ApiError && error.code === 'last_manager' ? t('remove.lastManager') : <RefusalText error={error} />
            }
          />
        )}
      </div>
    </li>
  );
}

/** A member's role, changed by choosing another and confirming with the button beside it. */
function RoleChoice({ member, name, context }: { member: Member; name: string; context: Context }) {
  const { t } = useTranslation('members');
  const { t: tCommon } = useTranslation();
  const change = useChangeRole();
  const current: Role = isRole(member.role) ? member.role : 'resident';
  const [chosen, setChosen] = useState<Role>(current);
  const selectId = `role-${member.account_id}`;
  function submit() {
    // Followed by its promise: with the list narrowed to a role, the row leaves as it changes.
    change
      .mutateAsync({ coproId: context.coproId, accountId: member.account_id, role: chosen })
      .then(() => {
        context.done(t('role.changed', { name, role: tCommon(`role.${chosen}`).toLocaleLowerCase() }));
        if (member.account_id === context.selfId) context.onOwnRoleChanged();
      })
      .catch(() => undefined); // shown beside the choice by `change.error`
  }
  return (
    <div className="members__role">
      <div className="field">
        <label htmlFor={selectId}>
          {t('fields.role')}
          <span className="visually-hidden"> — {name}</span>
        </label>
        <select
          id={selectId}
          value={chosen}
          onChange={(event) => {
            change.reset();
            if (isRole(event.target.value)) setChosen(event.target.value);
          }}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {tCommon(`role.${role}`)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="button"
        aria-label={t('role.changeOf', { name })}
        disabled={chosen === current || change.isPending}
        onClick={submit}
      >
        {t('role.change')}
      </button>
      {change.error ? <MemberRefusal error={change.error} member={member} /> : null}
    </div>
  );
}

function MemberRefusal({ error, member }: { error: unknown; member: Member }) {
  const { t } = useTranslation('members');
  const name = useDisplayName()(member);
  if (!(error instanceof ApiError)) return <ActionError error={error} />;
  const own =
    error.code === 'last_manager'
      ? t('role.lastManager', { name })
      : error.code === 'account_state_conflict'
        ? t('refusal.accountState')
        : null;
  if (own === null) return <ActionError error={error} />;
  return (
    <p className="form-error" role="alert" data-testid="action-error">
      {own}
    </p>
  );
}
