import { STRUCTURE_READS } from '@/features/buildings/api/structure-reads';
import { segment, sendEdit, useCommand, type Receipt } from '@/lib/command';
import type { components } from '@/types/api/command';

export type BuildingChanges = Omit<components['schemas']['BuildingChanges'], 'expected_version'>;
export type UpdateBuildingInput = { buildingId: string; changes: BuildingChanges; expectedVersion: number };

export function updateBuilding({ buildingId, changes, expectedVersion }: UpdateBuildingInput): Promise<Receipt> {
  return sendEdit(`/buildings/${segment(buildingId)}`, changes, expectedVersion);
}

/** Renames, describes or reorders a building still at `expectedVersion` (else 409 `version_conflict`). */
export function useUpdateBuilding() {
  return useCommand({ send: updateBuilding, changes: () => STRUCTURE_READS });
}
