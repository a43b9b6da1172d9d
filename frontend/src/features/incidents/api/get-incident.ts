import { queryOptions, useQuery } from '@tanstack/react-query';

import { incidentKeys } from '@/features/incidents/api/get-incidents';
import type { Incident } from '@/features/incidents/types';
import { api } from '@/lib/api-client';
import { knownPosition } from '@/lib/read-position';

export async function getIncident(incidentId: string, signal?: AbortSignal): Promise<Incident> {
  const response = await api.get<Incident>(`/incidents/${encodeURIComponent(incidentId)}`, {
    signal,
    after: knownPosition(),
  });
  return response.data;
}

export function getIncidentQueryOptions(incidentId: string) {
  return queryOptions({ queryKey: incidentKeys.one(incidentId), queryFn: ({ signal }) => getIncident(incidentId, signal) });
}

/** One incident with its timeline and version; for managers, its internal comments. */
export function useIncident(incidentId: string) {
  return useQuery(getIncidentQueryOptions(incidentId));
}

// A conflict means a newer version exists; the read side may take a moment to show it.
const CATCH_UP_TRIES = 10;
const CATCH_UP_PAUSE_MS = 300;

/** The incident once its read side shows `version` or a later one (bounded wait). */
export async function getIncidentAtLeast(incidentId: string, version: number): Promise<Incident> {
  let found = await getIncident(incidentId);
  for (let tries = 1; found.version < version && tries < CATCH_UP_TRIES; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, CATCH_UP_PAUSE_MS));
    found = await getIncident(incidentId);
  }
  return found;
}
