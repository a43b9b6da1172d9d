import { queryOptions, useQuery } from '@tanstack/react-query';

import { statusKeys } from '@/features/status/api/get-status-page';
import type { StatusHistory } from '@/features/status/types';
import { api } from '@/lib/api-client';
import { knownPosition } from '@/lib/read-position';

/** The strips show the last 90 days, as the product says. */
export const HISTORY_DAYS = 90;

export async function getStatusHistory(
  slug: string,
  days: number,
  signal?: AbortSignal,
): Promise<StatusHistory> {
  const response = await api.get<StatusHistory>(`/status/${encodeURIComponent(slug)}/history`, {
    params: { days },
    signal,
    after: knownPosition(),
  });
  return response.data;
}

export function getStatusHistoryQueryOptions(slug: string, days = HISTORY_DAYS) {
  return queryOptions({
    queryKey: statusKeys.history(slug, days),
    queryFn: ({ signal }) => getStatusHistory(slug, days, signal),
  });
}

/** Each piece of equipment's last days: worst status, minutes not available, incidents. */
export function useStatusHistory(slug: string, days = HISTORY_DAYS) {
  return useQuery(getStatusHistoryQueryOptions(slug, days));
}
