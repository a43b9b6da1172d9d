import { queryOptions, useQuery } from '@tanstack/react-query';

import type { StatusPage } from '@/features/status/types';
import { api } from '@/lib/api-client';
import { knownPosition } from '@/lib/read-position';

export const statusKeys = {
  all: (slug: string) => ['status', slug] as const,
  page: (slug: string) => ['status', slug, 'page'] as const,
  history: (slug: string, days: number) => ['status', slug, 'history', days] as const,
};

export async function getStatusPage(slug: string, signal?: AbortSignal): Promise<StatusPage> {
  const response = await api.get<StatusPage>(`/status/${encodeURIComponent(slug)}`, {
    signal,
    after: knownPosition(),
  });
  return response.data;
}

export function getStatusPageQueryOptions(slug: string) {
  return queryOptions({
    queryKey: statusKeys.page(slug),
    queryFn: ({ signal }) => getStatusPage(slug, signal),
  });
}

/** The public status page of the condo `slug`. */
export function useStatusPage(slug: string) {
  return useQuery(getStatusPageQueryOptions(slug));
}
