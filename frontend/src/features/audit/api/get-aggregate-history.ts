import { queryOptions, useQuery } from '@tanstack/react-query';

import { auditKeys } from '@/features/audit/api/audit-keys';
import type { AuditEvents } from '@/features/audit/types';
import { api } from '@/lib/api-client';
import { segment } from '@/lib/command';

export async function getAggregateHistory(aggregateId: string, signal?: AbortSignal): Promise<AuditEvents> {
  const response = await api.get<AuditEvents>(`/audit/aggregates/${segment(aggregateId)}/history`, { signal });
  return response.data;
}

export function getAggregateHistoryQueryOptions(aggregateId: string) {
  return queryOptions({
    queryKey: auditKeys.history(aggregateId),
    queryFn: ({ signal }) => getAggregateHistory(aggregateId, signal),
  });
}

/** Every event of one ticket, incident, piece of equipment, expense…, oldest first. */
export function useAggregateHistory(aggregateId: string) {
  return useQuery(getAggregateHistoryQueryOptions(aggregateId));
}
