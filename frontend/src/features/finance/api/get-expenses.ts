import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { Ledger, LedgerFilter } from '@/features/finance/types';
import { api } from '@/lib/api-client';
import { segment } from '@/lib/command';
import { knownPosition } from '@/lib/read-position';

export const financeKeys = {
  all: ['finance'] as const,
  ledger: (coproId: string, filter: LedgerFilter, offset: number) => ['finance', coproId, 'ledger', filter, offset] as const,
};

/** The ledger's filters as query parameters: only those set. */
export function ledgerParams(filter: LedgerFilter): Record<string, string> {
  const params: Record<string, string> = {};
  if (filter.from) params.from = filter.from;
  if (filter.to) params.to = filter.to;
  if (filter.category) params.category = filter.category;
  if (filter.includeVoided) params.include_voided = 'true';
  return params;
}

export const LEDGER_PAGE = 20;

export async function getExpenses(coproId: string, filter: LedgerFilter, offset: number, signal?: AbortSignal): Promise<Ledger> {
  const response = await api.get<Ledger>(`/copros/${segment(coproId)}/expenses`, {
    params: { ...ledgerParams(filter), limit: LEDGER_PAGE, offset },
    signal,
    after: knownPosition(),
  });
  return response.data;
}

export function getExpensesQueryOptions(coproId: string, filter: LedgerFilter, offset: number) {
  return queryOptions({
    queryKey: financeKeys.ledger(coproId, filter, offset),
    queryFn: ({ signal }) => getExpenses(coproId, filter, offset, signal),
  });
}

/** One page of the condo's ledger, newest date first; the page on screen stays while the next loads. */
export function useExpenses(coproId: string, filter: LedgerFilter, offset: number) {
  return useQuery({ ...getExpensesQueryOptions(coproId, filter, offset), placeholderData: keepPreviousData });
}
