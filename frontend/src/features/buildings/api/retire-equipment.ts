import { STRUCTURE_READS } from '@/features/buildings/api/structure-reads';
import { segment, sendCommand, useCommand, type Receipt } from '@/lib/command';

export function retireEquipment({ equipmentId }: { equipmentId: string }): Promise<Receipt> {
  return sendCommand(`/equipment/${segment(equipmentId)}/retire`);
}

/** Retires a piece of equipment: it leaves the lists and the public page, its history stays. */
export function useRetireEquipment() {
  return useCommand({ send: retireEquipment, changes: () => STRUCTURE_READS });
}
