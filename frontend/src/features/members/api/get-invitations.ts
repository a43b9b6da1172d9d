import { queryOptions, useQuery } from '@tanstack/react-query';

import { memberKeys } from '@/features/members/api/get-members';
import type { PendingInvitations } from '@/features/members/types';
import { api } from '@/lib/api-client';
import { knownPosition } from '@/lib/read-position';

// The API's largest page: invitations wait for an answer a few at a time.
const INVITATIONS_PAGE = 200;

export async function getInvitations(coproId: string, signal?: AbortSignal): Promise<PendingInvitations> {
  const response = await api.get<PendingInvitations>(`/copros/${encodeURIComponent(coproId)}/invitations`, {
    params: { limit: INVITATIONS_PAGE },
    signal,
    after: knownPosition(),
  });
  return response.data;
}

export function getInvitationsQueryOptions(coproId: string) {
  return queryOptions({ queryKey: memberKeys.invitations(coproId), queryFn: ({ signal }) => getInvitations(coproId, signal) });
}

/** The invitations the condo sent that nobody answered yet (for its managers only). */
export function useInvitations(coproId: string) {
  return useQuery(getInvitationsQueryOptions(coproId));
}
