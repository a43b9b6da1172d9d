import type { EquipmentStatus } from '@/types/equipment-status';
import type { IncidentStatus } from '@/types/incident-status';

// TODO(api-types): `GET /status/{slug}` and `/status/{slug}/history` answer an untyped object in
// the OpenAPI document today; once they have response models, these become aliases of
// `components['schemas'][…]` from '@/types/api/query'.

export type Copro = {
  id: string;
  name: string;
  slug: string;
  address: string;
  postal_code: string;
  city: string;
  country: string;
};

export type Equipment = {
  id: string;
  name: string;
  code: string | null;
  /** One of EQUIPMENT_CATEGORIES; kept as string so a new category does not break the page. */
  category: string;
  location?: string | null;
  status: EquipmentStatus;
  /** Why the status is what it is: `manual`, `incident`, `maintenance`. */
  reason?: string | null;
  /** A maintenance window in progress names it, whatever status it shows. */
  under_maintenance?: boolean;
};

export type Building = {
  id: string;
  name: string;
  status: EquipmentStatus;
  order?: number;
  equipment: Equipment[];
};

export type { IncidentStatus } from '@/types/incident-status';
export type Impact = Exclude<EquipmentStatus, 'operational'>;

export type TimelineEntry = {
  at: string;
  message: string;
  status?: IncidentStatus | null;
  status_changed?: boolean;
};

export type AffectedEquipment = { id: string; name: string | null; impact: Impact };

export type Incident = {
  id: string;
  title: string;
  message?: string | null;
  impact?: Impact | null;
  status: IncidentStatus;
  started_at: string;
  resolved_at?: string | null;
  reporter_count?: number | null;
  equipment?: AffectedEquipment[];
  timeline?: TimelineEntry[];
};

export type Maintenance = {
  id: string;
  title: string;
  starts_at: string;
  ends_at: string;
  description?: string | null;
  equipment?: { id: string; name: string | null }[];
};

export type StatusPage = {
  copro: Copro;
  overall_status: EquipmentStatus;
  buildings: Building[];
  open_incidents: Incident[];
  maintenances: { in_progress: Maintenance[]; planned: Maintenance[] };
  recent_incidents: Incident[];
  status_rule: string;
};

/** One UTC day of a piece of equipment; `status` is null before its history begins. */
export type HistoryDay = {
  date: string;
  status: EquipmentStatus | null;
  minutes_not_operational: number;
  incident_ids: string[];
};

export type EquipmentHistory = { id: string; name: string; building_id: string; days: HistoryDay[] };

export type StatusHistory = {
  from: string;
  to: string;
  days: number;
  time_zone: string;
  equipment: EquipmentHistory[];
};
