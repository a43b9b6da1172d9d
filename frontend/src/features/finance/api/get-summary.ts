import { queryOptions, useQuery } from '@tanstack/react-query';

import type { SpendSummary } from '@/features/finance/types';
import { api } from '@/lib/api-client';
import { segment } from '@/lib/command';
import { knownPosition } from '@/lib/read-position';

export async function getSpendSummary(coproId: string, year: number, signal?: AbortSignal): Promise<SpendSummary> {
  const response = await api.get<SpendSummary>(`/copros/${segment(coproId)}/expenses/summary`, {
    params: { year },
    signal,
    after: knownPosition(),
  });
  return response.data;
}

export function getSpendSummaryQueryOptions(coproId: string, year: number) {
  return queryOptions({
    queryKey: ['finance', coproId, 'summary', year] as const,
    queryFn: ({ signal }) => getSpendSummary(coproId, year, signal),
  });
}

/** The year's spend per month and category, against the budget's lines. */
export function useSpendSummary(coproId: string, year: number) {
  return useQuery(getSpendSummaryQueryOptions(coproId, year));
}
