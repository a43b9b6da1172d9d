import { queryOptions, useQuery } from '@tanstack/react-query';

import type { Budget } from '@/features/finance/types';
import { api, ApiError } from '@/lib/api-client';
import { segment } from '@/lib/command';
import { knownPosition } from '@/lib/read-position';

/** The year's budget, or null when there is none yet (the API's 404). */
export async function getBudget(coproId: string, year: number, signal?: AbortSignal): Promise<Budget | null> {
  try {
    const response = await api.get<Budget>(`/copros/${segment(coproId)}/budgets/${year}`, { signal, after: knownPosition() });
    return response.data;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function getBudgetQueryOptions(coproId: string, year: number) {
  return queryOptions({
    queryKey: ['finance', coproId, 'budget', year] as const,
    queryFn: ({ signal }) => getBudget(coproId, year, signal),
  });
}

/** The year's budget with its revisions and amendments; null before one is proposed. */
export function useBudget(coproId: string, year: number) {
  return useQuery(getBudgetQueryOptions(coproId, year));
}
