import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { ticketKeys } from '@/features/tickets/api/get-my-tickets';
import type { BoardFilters, TicketBoard } from '@/features/tickets/types';
import { api } from '@/lib/api-client';
import { knownPosition } from '@/lib/read-position';

export const BOARD_PAGE_SIZE = 20;

export async function getTicketBoard(coproId: string, filters: BoardFilters, signal?: AbortSignal): Promise<TicketBoard> {
  const q = filters.q.trim();
  const response = await api.get<TicketBoard>(`/copros/${encodeURIComponent(coproId)}/tickets`, {
    params: {
      status: filters.status ?? undefined,
      type: filters.type ?? undefined,
      assignee_id: filters.assigneeId ?? undefined,
      q: q === '' ? undefined : q,
      limit: BOARD_PAGE_SIZE,
      offset: filters.page * BOARD_PAGE_SIZE,
    },
    signal,
    after: knownPosition(),
  });
  return response.data;
}

export function getTicketBoardQueryOptions(coproId: string, filters: BoardFilters) {
  return queryOptions({
    queryKey: ticketKeys.board(coproId, filters),
    queryFn: ({ signal }) => getTicketBoard(coproId, filters, signal),
  });
}

/** The condo's tickets as its managers sort them out; the page on screen stays while the next loads. */
export function useTicketBoard(coproId: string, filters: BoardFilters) {
  return useQuery({ ...getTicketBoardQueryOptions(coproId, filters), placeholderData: keepPreviousData });
}
