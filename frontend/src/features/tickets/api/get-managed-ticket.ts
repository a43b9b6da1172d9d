import { queryOptions, useQuery } from '@tanstack/react-query';

import { ticketKeys } from '@/features/tickets/api/get-my-tickets';
import type { ManagedTicket } from '@/features/tickets/types';
import { api } from '@/lib/api-client';
import { knownPosition } from '@/lib/read-position';

export async function getManagedTicket(ticketId: string, signal?: AbortSignal): Promise<ManagedTicket> {
  const response = await api.get<ManagedTicket>(`/tickets/${encodeURIComponent(ticketId)}`, {
    signal,
    after: knownPosition(),
  });
  return response.data;
}

export function getManagedTicketQueryOptions(ticketId: string) {
  return queryOptions({
    queryKey: ticketKeys.managed(ticketId),
    queryFn: ({ signal }) => getManagedTicket(ticketId, signal),
  });
}

/** A ticket with what only its condo's managers read: assignee, internal comments, reporter's contact. */
export function useManagedTicket(ticketId: string) {
  return useQuery(getManagedTicketQueryOptions(ticketId));
}
