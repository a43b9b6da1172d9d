import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { auditKeys, filterParams } from '@/features/audit/api/audit-keys';
import type { AuditEvents, AuditFilters } from '@/features/audit/types';
import { api } from '@/lib/api-client';
import { segment } from '@/lib/command';

export const EVENTS_PAGE_SIZE = 50;

export async function getAuditEvents(
  coproId: string,
  filters: AuditFilters,
  page: number,
  signal?: AbortSignal,
): Promise<AuditEvents> {
  const response = await api.get<AuditEvents>(`/copros/${segment(coproId)}/audit/events`, {
    params: { ...filterParams(filters), limit: EVENTS_PAGE_SIZE, offset: page * EVENTS_PAGE_SIZE },
    // `type` repeats (`?type=A&type=B`), as FastAPI reads a list.
    paramsSerializer: { indexes: null },
    signal,
  });
  return response.data;
}

export function getAuditEventsQueryOptions(coproId: string, filters: AuditFilters, page: number) {
  return queryOptions({
    queryKey: auditKeys.events(coproId, filters, page),
    queryFn: ({ signal }) => getAuditEvents(coproId, filters, page, signal),
    placeholderData: keepPreviousData,
  });
}

/** One page of the condo's events in the order of the log, filtered. */
export function useAuditEvents(coproId: string, filters: AuditFilters, page: number) {
  return useQuery(getAuditEventsQueryOptions(coproId, filters, page));
}
