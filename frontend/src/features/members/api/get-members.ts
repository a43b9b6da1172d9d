import { queryOptions, useQuery } from '@tanstack/react-query';

import type { Members } from '@/features/members/types';
import { api } from '@/lib/api-client';
import { knownPosition } from '@/lib/read-position';

export const memberKeys = {
  all: ['members'] as const,
  list: (coproId: string) => ['members', coproId] as const,
};

// The API's largest page: a condo's managers and the authors of its notes are among them.
const MEMBERS_PAGE = 200;

export async function getMembers(coproId: string, signal?: AbortSignal): Promise<Members> {
  const response = await api.get<Members>(`/copros/${encodeURIComponent(coproId)}/members`, {
    params: { limit: MEMBERS_PAGE },
    signal,
    after: knownPosition(),
  });
  return response.data;
}

export function getMembersQueryOptions(coproId: string) {
  return queryOptions({ queryKey: memberKeys.list(coproId), queryFn: ({ signal }) => getMembers(coproId, signal) });
}

/** The condo's members with their role and status (for its managers only). */
export function useMembers(coproId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getMembersQueryOptions(coproId), enabled });
}
