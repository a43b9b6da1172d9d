import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionError } from '@/components/ui/form/action-error';
import { FormActions } from '@/components/ui/form/form-actions';
import type { ChoosableBuilding } from '@/components/ui/form/equipment-choice';
import { ConflictNotice } from '@/features/incidents/components/conflict-notice';
import { changesFrom, rebased } from '@/features/incidents/components/incident-differences';
import {
  checkDraft,
  IncidentFields,
  incidentFieldOf,
  INCIDENT_RULES,
  trimmed,
  type IncidentField,
} from '@/features/incidents/components/incident-fields';
import { draftOf, type Incident, type IncidentDraft } from '@/features/incidents/types';
import { ApiError } from '@/lib/api-client';
import { hasProblems, placeRefusal, type Problems } from '@/lib/validation';

type EditIncidentFormProps = {
  incident: Incident;
  buildings: ChoosableBuilding[];
  equipmentName: (id: string) => string;
  /** Saves the changes if the incident is still at `expectedVersion`. */
  save: (changes: Partial<IncidentDraft>, expectedVersion: number) => Promise<unknown>;
  /** The incident once the read side shows `version` or a later one. */
  readAtLeast: (version: number) => Promise<Incident>;
  onDone: () => void;
  onCancel: () => void;
};

type Start = { draft: IncidentDraft; version: number };
type Conflict = { startedFrom: Start; current: Incident | null; failed: boolean };

/** Edits title, message and impacts from the version on screen (`expected_version`): when
 * someone saved in between, the server refuses and the editor is shown what changed. */
export function EditIncidentForm({ incident, buildings, equipmentName, save, readAtLeast, onDone, onCancel }: EditIncidentFormProps) {
  const { t } = useTranslation('incidents');
  const { t: tConsole } = useTranslation('console');
  const [start, setStart] = useState<Start>(() => ({ draft: draftOf(incident), version: incident.version }));
  const [draft, setDraft] = useState<IncidentDraft>(start.draft);
  const [problems, setProblems] = useState<Problems<IncidentField>>({});
  const [refusal, setRefusal] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [pending, setPending] = useState(false);

  async function meetConflict(startedFrom: Start, refusal: ApiError) {
    setConflict({ startedFrom, current: null, failed: false });
    // The refusal names the version saved meanwhile; without it, any later one will do.
    const saved = refusal.details.current_version;
    try {
      const current = await readAtLeast(typeof saved === 'number' ? saved : startedFrom.version + 1);
      setConflict({ startedFrom, current, failed: false });
    } catch {
      setConflict({ startedFrom, current: null, failed: true });
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setRefusal(null);
    const found = checkDraft(draft);
    setProblems(found);
    if (hasProblems(found)) return;
    const changes = changesFrom(start.draft, trimmed(draft));
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    setPending(true);
    try {
      await save(changes, start.version);
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        await meetConflict(start, error);
      } else {
        const placed = placeRefusal(error, incidentFieldOf, INCIDENT_RULES);
        setProblems(placed.problems);
        setRefusal(placed.unplaced);
      }
    } finally {
      setPending(false);
    }
  }

  function rebase(startedFrom: Start, current: Incident, keepMine: boolean) {
    const now = { draft: draftOf(current), version: current.version };
    setStart(now);
    setDraft(keepMine ? rebased(startedFrom.draft, draft, now.draft) : now.draft);
    setConflict(null);
  }

  return (
    <form className="console-form" onSubmit={submit} noValidate aria-labelledby="edit-incident-heading" data-testid="edit-incident">
      <h2 id="edit-incident-heading">{t('edit.title')}</h2>
      <p className="muted small">{tConsole('common.version', { version: start.version })}</p>
      {conflict ? (
        conflict.current ? (
          <ConflictNotice
            startedFrom={conflict.startedFrom}
            current={conflict.current}
            equipmentName={equipmentName}
            onTakeCurrent={() => conflict.current && rebase(conflict.startedFrom, conflict.current, false)}
            onKeepMine={() => conflict.current && rebase(conflict.startedFrom, conflict.current, true)}
          />
        ) : (
          <p className="form-error" role="alert">
            {tConsole('apiError.version_conflict')} {conflict.failed ? t('conflict.loadFailed') : t('conflict.loading')}
          </p>
        )
      ) : null}
      <IncidentFields idPrefix="edit-incident" draft={draft} problems={problems} buildings={buildings} onChange={setDraft} />
      {refusal ? <ActionError error={refusal} /> : null}
      <FormActions
        submitLabel={t('edit.submit')}
        pending={pending || conflict !== null}
        pendingLabel={pending ? tConsole('common.saving') : t('edit.submit')}
        onCancel={onCancel}
      />
    </form>
  );
}
