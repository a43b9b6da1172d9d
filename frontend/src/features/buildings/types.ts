import type { components } from '@/types/api/query';

export type Building = components['schemas']['Building'];

export type Equipment = components['schemas']['Equipment'];

export type Listing<T> = { items: T[]; total: number };

/** The condo as one picks equipment in it: each building with its equipment in service. */
export type Structure = {
  buildings: (Building & { equipment: Equipment[] })[];
  /** Every piece of equipment in service by id, for naming what a ticket or window names. */
  equipmentById: Map<string, Equipment>;
};
