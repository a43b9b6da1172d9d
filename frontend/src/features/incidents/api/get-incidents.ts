import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { Incidents } from '@/features/incidents/types';
import { api } from '@/lib/api-client';
import { knownPosition } from '@/lib/read-position';
import type { IncidentStatus } from '@/types/incident-status';

export const incidentKeys = {
  all: ['incidents'] as const,
  list: (coproId: string, statuses: readonly IncidentStatus[], page: number) =>
    ['incidents', 'list', coproId, statuses, page] as const,
  one: (incidentId: string) => ['incidents', 'one', incidentId] as const,
};

export const INCIDENTS_PAGE_SIZE = 20;

export async function getIncidents(
  coproId: string,
  statuses: readonly IncidentStatus[],
  page: number,
  signal?: AbortSignal,
): Promise<Incidents> {
  const response = await api.get<Incidents>(`/copros/${encodeURIComponent(coproId)}/incidents`, {
    params: { status: statuses, limit: INCIDENTS_PAGE_SIZE, offset: page * INCIDENTS_PAGE_SIZE },
    // `status=a&status=b`, as FastAPI reads a repeated parameter.
    paramsSerializer: { indexes: null },
    signal,
    after: knownPosition(),
  });
  return response.data;
}

export function getIncidentsQueryOptions(coproId: string, statuses: readonly IncidentStatus[], page = 0) {
  return queryOptions({
    queryKey: incidentKeys.list(coproId, statuses, page),
    queryFn: ({ signal }) => getIncidents(coproId, statuses, page, signal),
  });
}

/** The condo's incidents in the given statuses (any when none), latest started first. */
export function useIncidents(coproId: string, statuses: readonly IncidentStatus[], page = 0) {
  return useQuery({ ...getIncidentsQueryOptions(coproId, statuses, page), placeholderData: keepPreviousData });
}
