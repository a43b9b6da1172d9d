import type { ImpactOn } from '@/components/ui/form/equipment-choice';
import { incidentKeys } from '@/features/incidents/api/get-incidents';
import { segment, sendCommand, STATUS_PAGES, useCommand } from '@/lib/command';

export type OpenIncidentInput = {
  coproId: string;
  title: string;
  message: string;
  startedAt: string | null;
  impacts: ImpactOn[];
};

export function openIncident({ coproId, title, message, startedAt, impacts }: OpenIncidentInput) {
  return sendCommand(`/copros/${segment(coproId)}/incidents`, { title, message, started_at: startedAt, impacts });
}

/** Publishes a new incident: the public page shows it, and its equipment's status follows. */
export function useOpenIncident() {
  return useCommand({ send: openIncident, changes: () => [incidentKeys.all, STATUS_PAGES] });
}
