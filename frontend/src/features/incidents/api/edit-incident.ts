import { incidentKeys } from '@/features/incidents/api/get-incidents';
import type { IncidentDraft } from '@/features/incidents/types';
import { api } from '@/lib/api-client';
import { segment, STATUS_PAGES, useCommand, type Receipt } from '@/lib/command';

export type EditIncidentInput = { incidentId: string; changes: Partial<IncidentDraft>; expectedVersion: number };

/** Changes the incident only if it is still at `expectedVersion`: else 409 `version_conflict`. */
export async function editIncident({ incidentId, changes, expectedVersion }: EditIncidentInput): Promise<Receipt> {
  const response = await api.patch<Receipt>(`/incidents/${segment(incidentId)}`, {
    ...changes,
    expected_version: expectedVersion,
  });
  return response.data;
}

export function useEditIncident() {
  return useCommand({ send: editIncident, changes: () => [incidentKeys.all, STATUS_PAGES] });
}
