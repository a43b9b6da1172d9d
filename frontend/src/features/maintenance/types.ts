// TODO(api-types): `GET /copros/{id}/maintenances` answers an untyped object today
// (query_api/views/maintenances.py `described` gives its shape).

export const MAINTENANCE_STATES = ['scheduled', 'in_progress', 'completed', 'cancelled'] as const;
export type MaintenanceState = (typeof MAINTENANCE_STATES)[number];

export type MaintenanceWindow = {
  id: string;
  copro_id: string;
  title: string;
  description: string;
  starts_at: string;
  ends_at: string;
  state: MaintenanceState;
  started_at: string | null;
  completed_at: string | null;
  cancelled_at: string | null;
  equipment: { id: string; name: string | null }[];
  version: number;
};

export type MaintenanceWindows = { items: MaintenanceWindow[]; total: number };

/** A window as its form edits it: times as datetime-local values, in the manager's zone. */
export type WindowDraft = {
  title: string;
  description: string;
  equipmentIds: string[];
  startsAt: string;
  endsAt: string;
};

/** A period to list, as the values of two date inputs. */
export type Period = { from: string; to: string };
