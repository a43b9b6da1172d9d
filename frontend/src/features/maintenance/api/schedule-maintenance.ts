import { maintenanceKeys } from '@/features/maintenance/api/get-maintenances';
import { segment, sendCommand, STATUS_PAGES, useCommand } from '@/lib/command';

export type WindowPlan = {
  title: string;
  description: string;
  equipment_ids: string[];
  starts_at: string;
  ends_at: string;
};

export type ScheduleInput = { coproId: string; plan: WindowPlan };

export function scheduleMaintenance({ coproId, plan }: ScheduleInput) {
  return sendCommand(`/copros/${segment(coproId)}/maintenances`, plan);
}

/** Plans a window: the public page lists it among those planned in the next 30 days. */
export function useScheduleMaintenance() {
  return useCommand({ send: scheduleMaintenance, changes: () => [maintenanceKeys.all, STATUS_PAGES] });
}
