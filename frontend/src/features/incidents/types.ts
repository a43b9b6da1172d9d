import type { ImpactOn } from '@/components/ui/form/equipment-choice';
import type { components } from '@/types/api/query';

type Schemas = components['schemas'];

export type AffectedEquipment = Schemas['AffectedEquipment'];

/** One public step of an incident; `status_changed` tells a status change from a plain update. */
export type IncidentUpdate = Schemas['IncidentUpdate'];

export type IncidentComment = Schemas['InternalComment'];

/** `reporter_count`: how many tickets are linked to it ("reported by N residents"). */
export type IncidentSummary = Schemas['IncidentSummary'];

export type Incidents = Schemas['Page_IncidentSummary_'];

/** An incident with its timeline, newest first; managers also read its internal comments. */
export type Incident = Schemas['Incident'] | Schemas['ManagedIncident'];

/** What an editor changes: the fields of `PATCH /incidents/{id}`. */
export type IncidentDraft = { title: string; message: string; impacts: ImpactOn[] };

export function draftOf(incident: Pick<Incident, 'title' | 'message' | 'equipment'>): IncidentDraft {
  return {
    title: incident.title,
    message: incident.message,
    impacts: incident.equipment.map((item) => ({ equipment_id: item.id, impact: item.impact })),
  };
}
