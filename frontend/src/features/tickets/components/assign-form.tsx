import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionError } from '@/components/ui/form/action-error';
import { SelectField } from '@/components/ui/form/select-field';
import { useAssignTicket } from '@/features/tickets/api/assign-ticket';
import type { Problem } from '@/lib/validation';

type AssignFormProps = {
  ticketId: string;
  assigneeId: string | null;
  managers: { id: string; name: string }[];
};

/** Hands the ticket to one of the condo's active managers. */
export function AssignForm({ ticketId, assigneeId, managers }: AssignFormProps) {
  const { t } = useTranslation('tickets');
  const [chosen, setChosen] = useState(assigneeId ?? '');
  const [problem, setProblem] = useState<Problem | undefined>();
  const assign = useAssignTicket();
  const done = assign.isSuccess && assign.variables.assigneeId === assigneeId;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chosen === '') {
      setProblem({ kind: 'required' });
      return;
    }
    setProblem(undefined);
    assign.mutate({ ticketId, assigneeId: chosen });
  }

  if (managers.length === 0) return <p className="muted">{t('assign.noManagers')}</p>;
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <SelectField
        id="ticket-assignee"
        label={t('assign.label')}
        placeholder={t('assign.choose')}
        options={managers}
        value={chosen}
        problem={problem}
        onChange={setChosen}
      />
      <button type="submit" className="button" disabled={assign.isPending}>
        {t('assign.submit')}
      </button>
      {assign.isError ? <ActionError error={assign.error} /> : null}
      <p role="status" className="inline-form__done">
        {done ? t('assign.done', { name: managers.find((manager) => manager.id === assigneeId)?.name ?? '' }) : null}
      </p>
    </form>
  );
}
