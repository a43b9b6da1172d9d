import { STRUCTURE_READS } from '@/features/buildings/api/structure-reads';
import { segment, sendCommand, useCommand, type Receipt } from '@/lib/command';
import type { components } from '@/types/api/command';

export type BuildingAddition = components['schemas']['BuildingAddition'];

export function addBuilding({ coproId, building }: { coproId: string; building: BuildingAddition }): Promise<Receipt> {
  return sendCommand(`/copros/${segment(coproId)}/buildings`, building);
}

/** Adds a building; its name must be unique within the condo (409 `duplicate_name`). */
export function useAddBuilding() {
  return useCommand({ send: addBuilding, changes: () => STRUCTURE_READS });
}
