import { maintenanceKeys } from '@/features/maintenance/api/get-maintenances';
import { segment, sendCommand, STATUS_PAGES, useCommand } from '@/lib/command';

/** What a manager does to a window besides editing its plan. */
export type WindowMove =
  | { kind: 'start' }
  | { kind: 'complete' }
  | { kind: 'extend'; endsAt: string }
  | { kind: 'cancel'; reason: string | null };

export type MoveWindowInput = { maintenanceId: string; move: WindowMove };

export function moveMaintenance({ maintenanceId, move }: MoveWindowInput) {
  const body = move.kind === 'extend' ? { ends_at: move.endsAt } : move.kind === 'cancel' ? { reason: move.reason } : {};
  return sendCommand(`/maintenances/${segment(maintenanceId)}/${move.kind}`, body);
}

/** Starts a window early, completes it early, extends it or cancels it. */
export function useMoveMaintenance() {
  return useCommand({ send: moveMaintenance, changes: () => [maintenanceKeys.all, STATUS_PAGES] });
}
