import { queryOptions, useQuery } from '@tanstack/react-query';

import type { History } from '@/features/finance/types';
import { api } from '@/lib/api-client';
import { segment } from '@/lib/command';
import { knownPosition } from '@/lib/read-position';

export function getExpenseHistory(expenseId: string, signal?: AbortSignal): Promise<History> {
  return api
    .get<History>(`/audit/aggregates/${segment(expenseId)}/history`, { signal, after: knownPosition() })
    .then((response) => response.data);
}

export function getExpenseHistoryQueryOptions(expenseId: string) {
  return queryOptions({
    queryKey: ['finance', 'history', expenseId] as const,
    queryFn: ({ signal }) => getExpenseHistory(expenseId, signal),
  });
}

/** Every event of one expense, oldest first: recorded, each correction, its voiding. */
export function useExpenseHistory(expenseId: string) {
  return useQuery(getExpenseHistoryQueryOptions(expenseId));
}
