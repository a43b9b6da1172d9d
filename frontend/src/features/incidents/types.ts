import type { Impact, ImpactOn } from '@/components/ui/form/equipment-choice';
import type { IncidentStatus } from '@/types/incident-status';

// TODO(api-types): `GET /copros/{id}/incidents` and `GET /incidents/{id}` answer untyped objects
// today (query_api/views/incidents.py `described` gives their shape).

export type AffectedEquipment = { id: string; name: string | null; impact: Impact };

/** One public step of an incident; `status_changed` tells a status change from a plain update. */
export type IncidentUpdate = { at: string; status: IncidentStatus; status_changed: boolean; message: string };

export type IncidentComment = { at: string; author_id: string | null; text: string };

export type IncidentSummary = {
  id: string;
  copro_id: string;
  title: string;
  message: string;
  location: string | null;
  status: IncidentStatus;
  impact: Impact | null;
  started_at: string;
  resolved_at: string | null;
  updated_at: string;
  /** How many tickets are linked to it: "reported by N residents". */
  reporter_count: number;
  equipment: AffectedEquipment[];
  version: number;
};

export type Incidents = { items: IncidentSummary[]; total: number };

/** An incident with its timeline, newest first; managers also read its internal comments. */
export type Incident = IncidentSummary & { timeline: IncidentUpdate[]; comments?: IncidentComment[] };

/** What an editor changes: the fields of `PATCH /incidents/{id}`. */
export type IncidentDraft = { title: string; message: string; impacts: ImpactOn[] };

export function draftOf(incident: Pick<Incident, 'title' | 'message' | 'equipment'>): IncidentDraft {
  return {
    title: incident.title,
    message: incident.message,
    impacts: incident.equipment.map((item) => ({ equipment_id: item.id, impact: item.impact })),
  };
}
