import { queryOptions, useQuery } from '@tanstack/react-query';

import type { Condo } from '@/features/condos/types';
import { api } from '@/lib/api-client';
import { knownPosition } from '@/lib/read-position';

export const condoKeys = {
  all: ['condos'] as const,
  one: (coproId: string) => ['condos', 'one', coproId] as const,
};

export async function getCondo(coproId: string, signal?: AbortSignal): Promise<Condo> {
  const response = await api.get<Condo>(`/copros/${encodeURIComponent(coproId)}`, { signal, after: knownPosition() });
  return response.data;
}

export function getCondoQueryOptions(coproId: string) {
  return queryOptions({ queryKey: condoKeys.one(coproId), queryFn: ({ signal }) => getCondo(coproId, signal) });
}

/** One of the caller's condos: 404 for any other, whether it exists or not. */
export function useCondo(coproId: string) {
  return useQuery(getCondoQueryOptions(coproId));
}
