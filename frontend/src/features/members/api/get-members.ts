import { queryOptions, useQuery } from '@tanstack/react-query';

import type { MemberFilter, Members } from '@/features/members/types';
import { api } from '@/lib/api-client';
import { knownPosition } from '@/lib/read-position';

export const memberKeys = {
  all: ['members'] as const,
  list: (coproId: string) => ['members', coproId] as const,
  chosen: (coproId: string, filter: MemberFilter) => ['members', coproId, 'chosen', filter] as const,
  invitations: (coproId: string) => ['members', coproId, 'invitations'] as const,
};

// The API's largest page: a condo's managers and the authors of its notes are among them.
const MEMBERS_PAGE = 200;

export async function getMembers(coproId: string, signal?: AbortSignal, filter?: MemberFilter): Promise<Members> {
  const response = await api.get<Members>(`/copros/${encodeURIComponent(coproId)}/members`, {
    params: { limit: MEMBERS_PAGE, role: filter?.role || undefined, status: filter?.status || undefined },
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

/** The members of one role and account status, for the managers' list: asked only once the
 * list is narrowed (unnarrowed, it is `useMembers`' page). */
export function useChosenMembers(coproId: string, filter: MemberFilter) {
  return useQuery({
    queryKey: memberKeys.chosen(coproId, filter),
    queryFn: ({ signal }) => getMembers(coproId, signal, filter),
    placeholderData: (previous) => previous,
    enabled: filter.role !== '' || filter.status !== '',
  });
}
