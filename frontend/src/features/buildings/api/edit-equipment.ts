import { STRUCTURE_READS } from '@/features/buildings/api/structure-reads';
import { segment, sendEdit, useCommand, type Receipt } from '@/lib/command';
import type { components } from '@/types/api/command';

export type EquipmentChanges = Omit<components['schemas']['EquipmentChanges'], 'expected_version'>;
export type EditEquipmentInput = { equipmentId: string; changes: EquipmentChanges; expectedVersion: number };

export function editEquipment({ equipmentId, changes, expectedVersion }: EditEquipmentInput): Promise<Receipt> {
  return sendEdit(`/equipment/${segment(equipmentId)}`, changes, expectedVersion);
}

/** Edits a piece of equipment still at `expectedVersion`, or moves it to another building. */
export function useEditEquipment() {
  return useCommand({ send: editEquipment, changes: () => STRUCTURE_READS });
}
