import type { EquipmentStatus } from '@/types/equipment-status';

// TODO(api-types): `GET /copros/{id}/buildings` and `/equipment` answer untyped objects today
// (the rows of projections/status_page.py).
export type Building = {
  id: string;
  copro_id: string;
  name: string;
  description: string;
  order: number;
  archived: boolean;
  version: number;
};

export type Equipment = {
  id: string;
  copro_id: string;
  building_id: string;
  name: string;
  code: string | null;
  category: string;
  location: string | null;
  order: number;
  manual_status: EquipmentStatus;
  status: EquipmentStatus;
  reason: string | null;
  note: string | null;
  retired: boolean;
  version: number;
};

export type Listing<T> = { items: T[]; total: number };

/** The condo as one picks equipment in it: each building with its equipment in service. */
export type Structure = {
  buildings: (Building & { equipment: Equipment[] })[];
  /** Every piece of equipment in service by id, for naming what a ticket or window names. */
  equipmentById: Map<string, Equipment>;
};
