import { STRUCTURE_READS } from '@/features/buildings/api/structure-reads';
import { segment, sendCommand, useCommand, type Receipt } from '@/lib/command';
import type { components } from '@/types/api/command';

export type EquipmentInstallation = components['schemas']['EquipmentInstallation'];

export function installEquipment({ coproId, equipment }: { coproId: string; equipment: EquipmentInstallation }): Promise<Receipt> {
  return sendCommand(`/copros/${segment(coproId)}/equipment`, equipment);
}

/** Installs a piece of equipment in a building; its name and code are unique within the condo. */
export function useInstallEquipment() {
  return useCommand({ send: installEquipment, changes: () => STRUCTURE_READS });
}
