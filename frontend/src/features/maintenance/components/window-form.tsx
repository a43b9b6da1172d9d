import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionError } from '@/components/ui/form/action-error';
import { FormActions } from '@/components/ui/form/form-actions';
import { EquipmentChecklist, type ChoosableBuilding } from '@/components/ui/form/equipment-choice';
import { TextField } from '@/components/ui/form/text-field';
import type { WindowPlan } from '@/features/maintenance/api/schedule-maintenance';
import type { MaintenanceWindow, WindowDraft } from '@/features/maintenance/types';
import { fromLocalInput, toLocalInput } from '@/lib/local-time';
import { checkText, hasProblems, placeRefusal, type Problem, type Problems } from '@/lib/validation';

type WindowField = 'title' | 'description' | 'equipment' | 'startsAt' | 'endsAt';

/** command_api/schemas/maintenance.py: `Title`, `Description`. */
const RULES = {
  title: { min: 3, max: 200 },
  description: { min: 0, max: 5000, multiline: true, optional: true },
} as const;

export const EMPTY_WINDOW: WindowDraft = { title: '', description: '', equipmentIds: [], startsAt: '', endsAt: '' };

export function draftOfWindow(window: MaintenanceWindow): WindowDraft {
  return {
    title: window.title,
    description: window.description,
    equipmentIds: window.equipment.map((item) => item.id),
    startsAt: toLocalInput(window.starts_at),
    endsAt: toLocalInput(window.ends_at),
  };
}

function checkTime(value: string): Problem | null {
  if (value === '') return { kind: 'required' };
  return fromLocalInput(value) === null ? { kind: 'console', key: 'invalidTime' } : null;
}

export function checkWindow(draft: WindowDraft): Problems<WindowField> {
  const problems: Problems<WindowField> = {};
  const title = checkText(draft.title, RULES.title);
  const description = checkText(draft.description, RULES.description);
  const startsAt = checkTime(draft.startsAt);
  const endsAt = checkTime(draft.endsAt);
  if (title) problems.title = title;
  if (description) problems.description = description;
  if (draft.equipmentIds.length === 0) problems.equipment = { kind: 'console', key: 'chooseSome' };
  if (startsAt) problems.startsAt = startsAt;
  if (endsAt) problems.endsAt = endsAt;
  else if (!startsAt && Date.parse(fromLocalInput(draft.endsAt) ?? '') <= Date.parse(fromLocalInput(draft.startsAt) ?? '')) {
    problems.endsAt = { kind: 'console', key: 'endBeforeStart' };
  }
  return problems;
}

/** The body of the schedule command, times in UTC ISO 8601. */
export function planOf(draft: WindowDraft): WindowPlan {
  return {
    title: draft.title.trim(),
    description: draft.description.trim(),
    equipment_ids: draft.equipmentIds,
    starts_at: fromLocalInput(draft.startsAt) ?? '',
    ends_at: fromLocalInput(draft.endsAt) ?? '',
  };
}

function windowFieldOf(path: string): WindowField | null {
  if (path === 'title' || path === 'description') return path;
  if (path.startsWith('equipment_ids')) return 'equipment';
  if (path === 'starts_at') return 'startsAt';
  if (path === 'ends_at') return 'endsAt';
  return null;
}

type WindowFormProps = {
  idPrefix: string;
  initial: WindowDraft;
  buildings: ChoosableBuilding[];
  submitLabel: string;
  send: (draft: WindowDraft) => Promise<unknown>;
  onDone: (draft: WindowDraft) => void;
  onCancel?: () => void;
  /** Shown with a refusal, e.g. a way to take the current version after a conflict. */
  refusalAction?: (refusal: unknown) => ReactNode;
};

/** A window's plan: title, description, equipment, and times typed in the manager's own zone. */
export function WindowForm({ idPrefix, initial, buildings, submitLabel, send, onDone, onCancel, refusalAction }: WindowFormProps) {
  const { t } = useTranslation('maintenance');
  const { t: tCommon } = useTranslation();
  const { t: tConsole } = useTranslation('console');
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<Problems<WindowField>>({});
  const [refusal, setRefusal] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setRefusal(null);
    const found = checkWindow(draft);
    setProblems(found);
    if (hasProblems(found)) return;
    setPending(true);
    try {
      await send(draft);
      onDone(draft);
    } catch (error) {
      const placed = placeRefusal(error, windowFieldOf, RULES);
      setProblems(placed.problems);
      setRefusal(placed.unplaced);
    } finally {
      setPending(false);
    }
  }

  const field = (name: 'title' | 'description' | 'startsAt' | 'endsAt') => ({
    id: `${idPrefix}-${name}`,
    value: draft[name],
    problem: problems[name],
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value }),
  });
  return (
    <form className="console-form" onSubmit={submit} noValidate>
      <TextField {...field('title')} label={t('fields.title')} hint={tCommon('form.lengthHint', RULES.title)} />
      <TextField multiline {...field('description')} label={t('fields.description')} hint={t('fields.descriptionHint')} optional rows={3} />
      <EquipmentChecklist
        id={`${idPrefix}-equipment`}
        legend={t('fields.equipment')}
        hint={t('fields.equipmentHint')}
        buildings={buildings}
        value={draft.equipmentIds}
        problem={problems.equipment}
        onChange={(equipmentIds) => setDraft({ ...draft, equipmentIds })}
      />
      <div className="field-row">
        <TextField {...field('startsAt')} type="datetime-local" label={t('fields.startsAt')} hint={t('fields.timesHint', { zone })} />
        <TextField {...field('endsAt')} type="datetime-local" label={t('fields.endsAt')} hint={t('fields.timesHint', { zone })} />
      </div>
      {refusal ? (
        <>
          <ActionError error={refusal} />
          {refusalAction?.(refusal)}
        </>
      ) : null}
      <FormActions submitLabel={submitLabel} pending={pending} pendingLabel={tConsole('common.saving')} onCancel={onCancel} />
    </form>
  );
}
