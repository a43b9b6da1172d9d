import { STRUCTURE_READS } from '@/features/buildings/api/structure-reads';
import { api } from '@/lib/api-client';
import { segment, useCommand, type Receipt } from '@/lib/command';
import type { components } from '@/types/api/command';

export type StatusChange = components['schemas']['StatusChange'];

export async function setEquipmentStatus({ equipmentId, change }: { equipmentId: string; change: StatusChange }): Promise<Receipt> {
  const response = await api.put<Receipt>(`/equipment/${segment(equipmentId)}/status`, change);
  return response.data;
}

/** Sets the status a manager gives by hand; open incidents and maintenance in progress still come first. */
export function useSetEquipmentStatus() {
  return useCommand({ send: setEquipmentStatus, changes: () => STRUCTURE_READS });
}
