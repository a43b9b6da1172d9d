import { queryOptions, useQuery } from '@tanstack/react-query';

import type { BoardFilters, MyTickets } from '@/features/tickets/types';
import { api } from '@/lib/api-client';
import { knownPosition } from '@/lib/read-position';

export const ticketKeys = {
  all: ['tickets'] as const,
  mine: () => ['tickets', 'mine'] as const,
  one: (ticketId: string) => ['tickets', 'one', ticketId] as const,
  board: (coproId: string, filters: BoardFilters) => ['tickets', 'board', coproId, filters] as const,
  managed: (ticketId: string) => ['tickets', 'managed', ticketId] as const,
};

export async function getMyTickets(signal?: AbortSignal): Promise<MyTickets> {
  const response = await api.get<MyTickets>('/me/tickets', {
    params: { limit: 200 },
    signal,
    after: knownPosition(),
  });
  return response.data;
}

export function getMyTicketsQueryOptions() {
  return queryOptions({ queryKey: ticketKeys.mine(), queryFn: ({ signal }) => getMyTickets(signal) });
}

/** The tickets the signed-in resident reported, in any condo, latest first. */
export function useMyTickets({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getMyTicketsQueryOptions(), enabled });
}
