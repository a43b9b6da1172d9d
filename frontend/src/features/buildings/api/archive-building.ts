import { STRUCTURE_READS } from '@/features/buildings/api/structure-reads';
import { segment, sendCommand, useCommand, type Receipt } from '@/lib/command';

export function archiveBuilding({ buildingId }: { buildingId: string }): Promise<Receipt> {
  return sendCommand(`/buildings/${segment(buildingId)}/archive`);
}

/** Archives a building; one still housing equipment in service answers 409 `building_has_active_equipment`. */
export function useArchiveBuilding() {
  return useCommand({ send: archiveBuilding, changes: () => STRUCTURE_READS });
}
