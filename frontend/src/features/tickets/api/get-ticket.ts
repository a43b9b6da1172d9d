import { queryOptions, useQuery } from '@tanstack/react-query';

import { ticketKeys } from '@/features/tickets/api/get-my-tickets';
import type { TicketDetail } from '@/features/tickets/types';
import { api } from '@/lib/api-client';
import { knownPosition } from '@/lib/read-position';

export async function getTicket(ticketId: string, signal?: AbortSignal): Promise<TicketDetail> {
  const response = await api.get<TicketDetail>(`/tickets/${encodeURIComponent(ticketId)}`, {
    signal,
    after: knownPosition(),
  });
  return response.data;
}

export function getTicketQueryOptions(ticketId: string) {
  return queryOptions({
    queryKey: ticketKeys.one(ticketId),
    queryFn: ({ signal }) => getTicket(ticketId, signal),
  });
}

/** One of the resident's tickets with its public timeline and the replies to it. */
export function useTicket(ticketId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getTicketQueryOptions(ticketId), enabled });
}
