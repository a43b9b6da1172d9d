import type { components } from '@/types/api/query';

export const MAINTENANCE_STATES = ['scheduled', 'in_progress', 'completed', 'cancelled'] as const;
export type MaintenanceState = (typeof MAINTENANCE_STATES)[number];

export type MaintenanceWindow = components['schemas']['MaintenanceWindow'];

export type MaintenanceWindows = components['schemas']['Page_MaintenanceWindow_'];

/** A window as its form edits it: times as datetime-local values, in the manager's zone. */
export type WindowDraft = {
  title: string;
  description: string;
  equipmentIds: string[];
  startsAt: string;
  endsAt: string;
};

/** A period to list, as the values of two date inputs. */
export type Period = { from: string; to: string };
