import { queryOptions, useQuery } from '@tanstack/react-query';

import { condoKeys } from '@/features/condos/api/get-condo';
import type { Condos } from '@/features/condos/types';
import { api } from '@/lib/api-client';

export async function getCondos(signal?: AbortSignal): Promise<Condos> {
  const response = await api.get<Condos>('/copros', { signal });
  return response.data;
}

export function getCondosQueryOptions() {
  return queryOptions({ queryKey: [...condoKeys.all, 'list'], queryFn: ({ signal }) => getCondos(signal) });
}

/** The condos the caller holds a role in; every condo for a platform admin. */
export function useCondos({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getCondosQueryOptions(), enabled });
}
