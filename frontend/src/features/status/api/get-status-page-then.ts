import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { statusKeys } from '@/features/status/api/get-status-page';
import type { StatusPage } from '@/features/status/types';
import { api } from '@/lib/api-client';

export async function getStatusPageThen(slug: string, at: string, signal?: AbortSignal): Promise<StatusPage> {
  const response = await api.get<StatusPage>(`/status/${encodeURIComponent(slug)}`, { params: { at }, signal });
  return response.data;
}

export function getStatusPageThenQueryOptions(slug: string, at: string) {
  return queryOptions({
    queryKey: [...statusKeys.all(slug), 'then', at] as const,
    queryFn: ({ signal }) => getStatusPageThen(slug, at, signal),
    // A past page does not change: moving the slider back and forth reads each instant once,
    // and the page of the previous instant stays on screen while the next one comes.
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** The status page of the condo `slug` as it was at the instant `at` (UTC ISO 8601); none
 * asked while `at` is null. */
export function useStatusPageThen(slug: string, at: string | null) {
  return useQuery({ ...getStatusPageThenQueryOptions(slug, at ?? ''), enabled: at !== null });
}
