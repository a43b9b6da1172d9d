import { queryOptions, useQuery } from '@tanstack/react-query';

import type { Projections } from '@/features/ops/types';
import { api } from '@/lib/api-client';

export const opsKeys = { projections: ['ops', 'projections'] as const };

// The board follows the projections by itself, rebuilds included.
export const REFRESH_MS = 2_000;

export async function getProjections(signal?: AbortSignal): Promise<Projections> {
  const response = await api.get<Projections>('/ops/projections', { signal });
  return response.data;
}

export function getProjectionsQueryOptions() {
  return queryOptions({
    queryKey: opsKeys.projections,
    queryFn: ({ signal }) => getProjections(signal),
    refetchInterval: REFRESH_MS,
    // A refusal (not an operator) does not get better by asking again.
    retry: false,
  });
}

/** Every projection: version, position, lag, state, last error, rebuild, speed, owner. */
export function useProjections() {
  return useQuery(getProjectionsQueryOptions());
}
