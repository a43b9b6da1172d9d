import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { auditKeys, type AggregateThen } from '@/features/audit/api/audit-keys';
import type { AggregateState } from '@/features/audit/types';
import { api } from '@/lib/api-client';
import { segment } from '@/lib/command';

export async function getAggregateState(aggregateId: string, then: AggregateThen, signal?: AbortSignal): Promise<AggregateState> {
  const response = await api.get<AggregateState>(`/audit/aggregates/${segment(aggregateId)}`, {
    params: then ?? {},
    signal,
  });
  return response.data;
}

export function getAggregateStateQueryOptions(aggregateId: string, then: AggregateThen) {
  return queryOptions({
    queryKey: auditKeys.state(aggregateId, then),
    queryFn: ({ signal }) => getAggregateState(aggregateId, then, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** The aggregate's fields at a version, or as they were at an instant (now without either). */
export function useAggregateState(aggregateId: string, then: AggregateThen) {
  return useQuery(getAggregateStateQueryOptions(aggregateId, then));
}
