import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionError } from '@/components/ui/form/action-error';
import { FormActions } from '@/components/ui/form/form-actions';
import { SelectField } from '@/components/ui/form/select-field';
import { TextField } from '@/components/ui/form/text-field';
import { useAppointMember } from '@/features/members/api/appoint-member';
import { ROLES } from '@/features/members/api/change-role';
import { useInviteMember } from '@/features/members/api/invite-member';
import {
  appointmentOf,
  checkNewcomer,
  EMPTY_MEMBER,
  MEMBER_FIELDS,
  invitationOf,
  MEMBER_RULES,
  placeNewcomerRefusal,
  type MemberField,
  type MemberValues,
  type Newcomer,
} from '@/features/members/components/member-rules';
import { useCommandForm } from '@/hooks/use-command-form';
import { ApiError } from '@/lib/api-client';

type NewcomerFormProps = {
  kind: Newcomer;
  coproId: string;
  buildings: { id: string; name: string }[];
  onDone: (message: string) => void;
};

/** Invites the owner of an email, or opens an active account for a new one. */
export function NewcomerForm({ kind, coproId, buildings, onDone }: NewcomerFormProps) {
  const { t } = useTranslation('members');
  const { t: tCommon } = useTranslation();
  const invite = useInviteMember();
  const appoint = useAppointMember();
  const form = useCommandForm<MemberField>(kind === 'invite' ? 'invite' : 'new-member', MEMBER_FIELDS);
  const [values, setValues] = useState<MemberValues>(EMPTY_MEMBER);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = values.email.trim();
    const taken = await form.submit(
      checkNewcomer(values, kind),
      () =>
        kind === 'invite'
          ? invite.mutateAsync({ coproId, invitation: invitationOf(values) })
          : appoint.mutateAsync({ coproId, member: appointmentOf(values) }),
      placeNewcomerRefusal,
    );
    if (taken) {
      setValues(EMPTY_MEMBER);
      onDone(kind === 'invite' ? t('invite.sent', { email }) : t('create.done', { email }));
    }
  }

  function field(name: MemberField) {
    return {
      id: form.fieldId(name),
      value: values[name],
      problem: form.problems[name],
      onChange: (event: { target: { value: string } }) => {
        setValues((current) => ({ ...current, [name]: event.target.value }));
        form.revise(name, null);
      },
    };
  }

  const titleId = `${kind}-title`;
  return (
    <form className="card console-section console-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{t(kind === 'invite' ? 'invite.title' : 'create.title')}</h2>
      <p className="muted small">{t(kind === 'invite' ? 'invite.intro' : 'create.intro')}</p>
      <TextField {...field('email')} label={t('fields.email')} type="email" autoComplete="off" spellCheck={false} />
      {kind === 'create' ? (
        <div className="field-row">
          <TextField {...field('first_name')} label={t('fields.firstName')} autoComplete="off" maxLength={MEMBER_RULES.first_name.max} />
          <TextField {...field('last_name')} label={t('fields.lastName')} autoComplete="off" maxLength={MEMBER_RULES.last_name.max} />
        </div>
      ) : null}
      <div className="field-row">
        <SelectField
          {...field('role')}
          label={t('fields.role')}
          placeholder={t('fields.chooseRole')}
          options={ROLES.map((role) => ({ id: role, name: tCommon(`role.${role}`) }))}
          onChange={(value) => field('role').onChange({ target: { value } })}
        />
        <SelectField
          {...field('building_id')}
          label={`${t('fields.building')} ${tCommon('form.optional')}`}
          placeholder={t('fields.noBuilding')}
          options={buildings}
          onChange={(value) => field('building_id').onChange({ target: { value } })}
        />
      </div>
      <div className="field-row">
        <TextField {...field('lot')} label={t('fields.lot')} optional maxLength={MEMBER_RULES.lot.max} />
        <TextField {...field('floor')} label={t('fields.floor')} optional maxLength={MEMBER_RULES.floor.max} />
      </div>
      {kind === 'create' ? (
        <TextField
          {...field('password')}
          label={t('fields.password')}
          hint={t('fields.passwordHint')}
          optional
          type="password"
          autoComplete="new-password"
        />
      ) : null}
      {form.refusal ? <NewcomerRefusal error={form.refusal} /> : null}
      <FormActions submitLabel={t(kind === 'invite' ? 'invite.submit' : 'create.submit')} pending={form.pending} />
    </form>
  );
}

function NewcomerRefusal({ error }: { error: unknown }) {
  const { t } = useTranslation('members');
  if (error instanceof ApiError && error.code === 'already_member') {
    return (
      <p className="form-error" role="alert" data-testid="action-error">
        {t('invite.alreadyMember')}
      </p>
    );
  }
  return <ActionError error={error} />;
}
