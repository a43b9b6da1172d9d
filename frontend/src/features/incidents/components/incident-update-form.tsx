import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { TextCommandForm } from '@/components/ui/form/text-command-form';
import { usePostIncidentUpdate } from '@/features/incidents/api/post-incident-update';
import { INCIDENT_RULES } from '@/features/incidents/components/incident-fields';
import { moveName, statusesFrom } from '@/features/incidents/components/incident-moves';
import type { IncidentStatus } from '@/types/incident-status';

type IncidentUpdateFormProps = { incidentId: string; status: IncidentStatus };

/** A public timeline update, with or without a status change: only the changes the transition
 * table allows from the current status are offered. */
export function IncidentUpdateForm({ incidentId, status }: IncidentUpdateFormProps) {
  const { t } = useTranslation('incidents');
  const [choice, setChoice] = useState<IncidentStatus | null>(null);
  const post = usePostIncidentUpdate();
  // When the incident moved meanwhile (a refusal re-reads it), a choice it no longer allows goes;
  // the message typed stays.
  const to = choice !== null && statusesFrom(status).includes(choice) ? choice : null;
  const options: (IncidentStatus | null)[] = [null, ...statusesFrom(status)];
  return (
    <section className="card console-section" aria-labelledby="update-title" data-testid="incident-update">
      <h2 id="update-title">{t('update.title')}</h2>
      <TextCommandForm
        id="incident-update-message"
        label={t('update.message')}
        hint={t('update.messageHint')}
        rule={INCIDENT_RULES.message}
        field="message"
        submitLabel={t('update.submit')}
        onSubmit={(message) => post.mutateAsync({ incidentId, message: message ?? '', status: to })}
        onDone={() => setChoice(null)}
      >
        <fieldset className="field choice">
          <legend>{t('update.status')}</legend>
          {options.map((option) => {
            const id = `incident-update-${option ?? 'keep'}`;
            return (
              <div key={id} className="radio">
                <input
                  id={id}
                  type="radio"
                  name="incident-update-status"
                  checked={to === option}
                  onChange={() => setChoice(option)}
                />
                <label htmlFor={id}>{option ? t(`update.moves.${moveName(status, option)}`) : t('update.keep')}</label>
              </div>
            );
          })}
        </fieldset>
      </TextCommandForm>
    </section>
  );
}
