import type { MaintenanceState } from '@/features/maintenance/types';

export const WINDOW_ACTIONS = ['edit', 'start', 'extend', 'complete', 'cancel'] as const;
export type WindowAction = (typeof WINDOW_ACTIONS)[number];

/** domain/maintenance.py `ALLOWED_FROM`: the states each command may be given in. */
const ALLOWED_FROM: Record<WindowAction, readonly MaintenanceState[]> = {
  edit: ['scheduled'],
  start: ['scheduled'],
  extend: ['scheduled', 'in_progress'],
  complete: ['in_progress'],
  cancel: ['scheduled', 'in_progress'],
};

/** The commands a window in `state` takes, and only those, in the order they are offered. */
export function actionsFor(state: MaintenanceState): WindowAction[] {
  return WINDOW_ACTIONS.filter((action) => ALLOWED_FROM[action].includes(state));
}
