import { queryOptions, useQuery } from '@tanstack/react-query';

import type { MaintenanceWindows, Period } from '@/features/maintenance/types';
import { api } from '@/lib/api-client';
import { startOfLocalDay } from '@/lib/local-time';
import { knownPosition } from '@/lib/read-position';

export const maintenanceKeys = {
  all: ['maintenances'] as const,
  list: (coproId: string, period: Period) => ['maintenances', coproId, period] as const,
};

// The API's largest page: a condo plans a handful of windows a month.
const WINDOWS_PAGE = 200;

/** The windows overlapping the period, from its first day's start to the end of its last day. */
export async function getMaintenances(coproId: string, period: Period, signal?: AbortSignal): Promise<MaintenanceWindows> {
  const response = await api.get<MaintenanceWindows>(`/copros/${encodeURIComponent(coproId)}/maintenances`, {
    params: { from: startOfLocalDay(period.from), to: dayAfter(period.to), limit: WINDOWS_PAGE },
    signal,
    after: knownPosition(),
  });
  return response.data;
}

function dayAfter(day: string): string | null {
  const start = startOfLocalDay(day);
  if (start === null) return null;
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return next.toISOString();
}

export function getMaintenancesQueryOptions(coproId: string, period: Period) {
  return queryOptions({
    queryKey: maintenanceKeys.list(coproId, period),
    queryFn: ({ signal }) => getMaintenances(coproId, period, signal),
  });
}

/** The condo's maintenance windows in the period, in any state, earliest first. */
export function useMaintenances(coproId: string, period: Period) {
  return useQuery(getMaintenancesQueryOptions(coproId, period));
}
