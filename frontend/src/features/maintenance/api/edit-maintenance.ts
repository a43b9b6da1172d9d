import { maintenanceKeys } from '@/features/maintenance/api/get-maintenances';
import type { WindowPlan } from '@/features/maintenance/api/schedule-maintenance';
import { api } from '@/lib/api-client';
import { segment, STATUS_PAGES, useCommand, type Receipt } from '@/lib/command';

export type EditWindowInput = { maintenanceId: string; changes: Partial<WindowPlan>; expectedVersion: number };

/** Changes a window not started yet, only if it is still at `expectedVersion`. */
export async function editMaintenance({ maintenanceId, changes, expectedVersion }: EditWindowInput): Promise<Receipt> {
  const response = await api.patch<Receipt>(`/maintenances/${segment(maintenanceId)}`, {
    ...changes,
    expected_version: expectedVersion,
  });
  return response.data;
}

export function useEditMaintenance() {
  return useCommand({ send: editMaintenance, changes: () => [maintenanceKeys.all, STATUS_PAGES] });
}
