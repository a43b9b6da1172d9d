import type { Impact } from '@/components/ui/form/equipment-choice';
import type { IncidentDraft } from '@/features/incidents/types';

/** One field that differs between two versions of an incident. */
export type Difference =
  | { field: 'title' | 'message'; before: string; after: string }
  | { field: 'impacts'; changes: ImpactChange[] };

/** A piece of equipment whose impact differs: null where it is not affected. */
export type ImpactChange = { equipmentId: string; before: Impact | null; after: Impact | null };

/** What differs from `before` to `after`, field by field, in the form's order. */
export function differences(before: IncidentDraft, after: IncidentDraft): Difference[] {
  const found: Difference[] = [];
  for (const field of ['title', 'message'] as const) {
    if (before[field] !== after[field]) found.push({ field, before: before[field], after: after[field] });
  }
  const changes = impactChanges(before, after);
  if (changes.length > 0) found.push({ field: 'impacts', changes });
  return found;
}

function impactChanges(before: IncidentDraft, after: IncidentDraft): ImpactChange[] {
  const was = new Map(before.impacts.map((impact) => [impact.equipment_id, impact.impact]));
  const is = new Map(after.impacts.map((impact) => [impact.equipment_id, impact.impact]));
  const ids = [...new Set([...was.keys(), ...is.keys()])];
  return ids
    .map((equipmentId) => ({ equipmentId, before: was.get(equipmentId) ?? null, after: is.get(equipmentId) ?? null }))
    .filter((change) => change.before !== change.after);
}

/** The body of `PATCH /incidents/{id}`: only what the editor changed from where they started. */
export function changesFrom(base: IncidentDraft, draft: IncidentDraft): Partial<IncidentDraft> {
  const changes: Partial<IncidentDraft> = {};
  for (const difference of differences(base, draft)) {
    if (difference.field === 'impacts') changes.impacts = draft.impacts;
    else changes[difference.field] = draft[difference.field];
  }
  return changes;
}

/** The editor's changes carried onto the version now saved: each field they changed keeps their
 * value, every other field takes the current one, so nobody else's change is undone. */
export function rebased(startedFrom: IncidentDraft, mine: IncidentDraft, current: IncidentDraft): IncidentDraft {
  const changed = new Set(differences(startedFrom, mine).map((difference) => difference.field));
  return {
    title: changed.has('title') ? mine.title : current.title,
    message: changed.has('message') ? mine.message : current.message,
    impacts: changed.has('impacts') ? mine.impacts : current.impacts,
  };
}
