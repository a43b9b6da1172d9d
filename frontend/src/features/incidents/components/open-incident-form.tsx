import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionError } from '@/components/ui/form/action-error';
import type { ChoosableBuilding } from '@/components/ui/form/equipment-choice';
import { TextField } from '@/components/ui/form/text-field';
import { useOpenIncident } from '@/features/incidents/api/open-incident';
import {
  checkDraft,
  IncidentFields,
  incidentFieldOf,
  INCIDENT_RULES,
  trimmed,
  type IncidentField,
} from '@/features/incidents/components/incident-fields';
import type { IncidentDraft } from '@/features/incidents/types';
import { fromLocalInput } from '@/lib/local-time';
import { hasProblems, placeRefusal, type Problem, type Problems } from '@/lib/validation';

type OpenIncidentFormProps = {
  coproId: string;
  buildings: ChoosableBuilding[];
  onOpened: (incidentId: string) => void;
};

const EMPTY: IncidentDraft = { title: '', message: '', impacts: [] };

/** A new incident on one or more pieces of equipment, back-dated if need be. */
export function OpenIncidentForm({ coproId, buildings, onOpened }: OpenIncidentFormProps) {
  const { t } = useTranslation('incidents');
  const { t: tConsole } = useTranslation('console');
  const [draft, setDraft] = useState<IncidentDraft>(EMPTY);
  const [startedAt, setStartedAt] = useState('');
  const [problems, setProblems] = useState<Problems<IncidentField>>({});
  const [refusal, setRefusal] = useState<unknown>(null);
  const open = useOpenIncident();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setRefusal(null);
    const found = checkDraft(draft);
    const startedAtProblem = checkStartedAt(startedAt);
    if (startedAtProblem) found.startedAt = startedAtProblem;
    setProblems(found);
    if (hasProblems(found)) return;
    try {
      const receipt = await open.mutateAsync({ coproId, ...trimmed(draft), startedAt: fromLocalInput(startedAt) });
      onOpened(receipt.id);
    } catch (error) {
      const placed = placeRefusal(error, incidentFieldOf, INCIDENT_RULES);
      setProblems(placed.problems);
      setRefusal(placed.unplaced);
    }
  }

  return (
    <form className="console-form card console-section" onSubmit={submit} noValidate>
      <IncidentFields idPrefix="open-incident" draft={draft} problems={problems} buildings={buildings} onChange={setDraft} />
      <TextField
        id="open-incident-started-at"
        type="datetime-local"
        label={t('fields.startedAt')}
        hint={t('fields.startedAtHint')}
        optional
        value={startedAt}
        problem={problems.startedAt}
        onChange={(event) => setStartedAt(event.target.value)}
      />
      {refusal ? <ActionError error={refusal} /> : null}
      <button type="submit" className="button button--primary" disabled={open.isPending}>
        {open.isPending ? tConsole('common.sending') : t('open.submit')}
      </button>
    </form>
  );
}

function checkStartedAt(value: string): Problem | null {
  if (value === '') return null;
  const iso = fromLocalInput(value);
  if (iso === null) return { kind: 'console', key: 'invalidTime' };
  return Date.parse(iso) > Date.now() ? { kind: 'console', key: 'inFuture' } : null;
}
