import { queryOptions, useQuery } from '@tanstack/react-query';

import { periodParams } from '@/features/statistics/components/period';
import type { Period, Statistics } from '@/features/statistics/types';
import { api } from '@/lib/api-client';
import { segment } from '@/lib/command';
import { knownPosition } from '@/lib/read-position';

export async function getStatistics(coproId: string, period: Period, signal?: AbortSignal): Promise<Statistics> {
  const response = await api.get<Statistics>(`/copros/${segment(coproId)}/statistics`, {
    params: periodParams(period),
    signal,
    after: knownPosition(),
  });
  return response.data;
}

export function getStatisticsQueryOptions(coproId: string, period: Period) {
  return queryOptions({
    queryKey: ['statistics', coproId, period] as const,
    queryFn: ({ signal }) => getStatistics(coproId, period, signal),
  });
}

/** Incidents per day and, per piece of equipment, incidents, time to resolve and availability. */
export function useStatistics(coproId: string, period: Period) {
  return useQuery(getStatisticsQueryOptions(coproId, period));
}
