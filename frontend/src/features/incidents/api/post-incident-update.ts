import { incidentKeys } from '@/features/incidents/api/get-incidents';
import { segment, sendCommand, STATUS_PAGES, useCommand } from '@/lib/command';
import type { IncidentStatus } from '@/types/incident-status';

export type PostUpdateInput = { incidentId: string; message: string; status: IncidentStatus | null };

export function postIncidentUpdate({ incidentId, message, status }: PostUpdateInput) {
  return sendCommand(`/incidents/${segment(incidentId)}/updates`, { message, status });
}

/** A public timeline entry, moving the incident to `status` when one is given. Resolving it
 * also resolves its linked tickets, hence their reads too. */
export function usePostIncidentUpdate() {
  return useCommand({ send: postIncidentUpdate, changes: () => [incidentKeys.all, ['tickets'], STATUS_PAGES] });
}
