import { useTranslation } from 'react-i18next';

import { ImpactsField, type ChoosableBuilding } from '@/components/ui/form/equipment-choice';
import { TextField } from '@/components/ui/form/text-field';
import type { IncidentDraft } from '@/features/incidents/types';
import { checkText, type Problems } from '@/lib/validation';

export type IncidentField = 'title' | 'message' | 'startedAt' | 'impacts';

/** command_api/schemas/incidents.py: `Title`, `Message`. */
export const INCIDENT_RULES = {
  title: { min: 3, max: 200 },
  message: { min: 1, max: 5000, multiline: true },
} as const;

/** Every problem of the title, message and impacts as they stand. */
export function checkDraft(draft: IncidentDraft): Problems<IncidentField> {
  const problems: Problems<IncidentField> = {};
  const title = checkText(draft.title, INCIDENT_RULES.title);
  const message = checkText(draft.message, INCIDENT_RULES.message);
  if (title) problems.title = title;
  if (message) problems.message = message;
  if (draft.impacts.length === 0) problems.impacts = { kind: 'chooseEquipment' };
  return problems;
}

/** The form field a server error's path names (`impacts.0.impact` → impacts), or null. */
export function incidentFieldOf(path: string): IncidentField | null {
  if (path === 'title' || path === 'message') return path;
  if (path === 'started_at') return 'startedAt';
  return path.startsWith('impacts') ? 'impacts' : null;
}

type IncidentFieldsProps = {
  idPrefix: string;
  draft: IncidentDraft;
  problems: Problems<IncidentField>;
  buildings: ChoosableBuilding[];
  onChange: (draft: IncidentDraft) => void;
};

/** Title, message and affected equipment: what opening an incident and editing it share. */
export function IncidentFields({ idPrefix, draft, problems, buildings, onChange }: IncidentFieldsProps) {
  const { t } = useTranslation('incidents');
  const { t: tCommon } = useTranslation();
  const { t: tConsole } = useTranslation('console');
  return (
    <>
      <TextField
        id={`${idPrefix}-title`}
        label={t('fields.title')}
        hint={tCommon('form.lengthHint', INCIDENT_RULES.title)}
        value={draft.title}
        problem={problems.title}
        onChange={(event) => onChange({ ...draft, title: event.target.value })}
      />
      <TextField
        multiline
        id={`${idPrefix}-message`}
        label={t('fields.message')}
        hint={t('fields.messageHint')}
        rows={4}
        value={draft.message}
        problem={problems.message}
        onChange={(event) => onChange({ ...draft, message: event.target.value })}
      />
      <ImpactsField
        id={`${idPrefix}-impacts`}
        legend={t('fields.impacts')}
        hint={tConsole('equipment.impactsHint')}
        buildings={buildings}
        value={draft.impacts}
        problem={problems.impacts}
        onChange={(impacts) => onChange({ ...draft, impacts })}
      />
    </>
  );
}

/** Text fields as the server stores them: trimmed. */
export function trimmed(draft: IncidentDraft): IncidentDraft {
  return { ...draft, title: draft.title.trim(), message: draft.message.trim() };
}
