import type { EquipmentStatus } from '@/types/equipment-status';

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
  code: string;
  /** One of EQUIPMENT_CATEGORIES; kept as string so a new category does not break the page. */
  category: string;
  location?: string | null;
  status: EquipmentStatus;
  /** Why the status is what it is: `manual`, `incident`, `maintenance`. */
  reason?: string | null;
};

export type Building = {
  id: string;
  name: string;
  status: EquipmentStatus;
  order?: number;
  equipment: Equipment[];
};

export type TimelineEntry = {
  at: string;
  message: string;
  status?: string | null;
};

export type Incident = {
  id: string;
  title: string;
  impact?: EquipmentStatus | null;
  status?: string | null;
  started_at?: string | null;
  resolved_at?: string | null;
  reporter_count?: number | null;
  timeline?: TimelineEntry[];
};

export type Maintenance = {
  id: string;
  title: string;
  starts_at?: string | null;
  ends_at?: string | null;
  description?: string | null;
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
