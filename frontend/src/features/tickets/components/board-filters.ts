import { useSearchParams } from 'react-router';

import type { BoardFilters, TicketStatus, TicketType } from '@/features/tickets/types';

export const TICKET_STATUSES: readonly TicketStatus[] = ['analyzing', 'in_progress', 'resolved', 'closed'];
export const TICKET_TYPES: readonly TicketType[] = ['incident', 'request'];

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return allowed.find((candidate) => candidate === value) ?? null;
}

/** The board's filters as the URL holds them, so a filtered board can be shared, bookmarked and
 * returned to with the back button. */
export function readBoardFilters(search: URLSearchParams): BoardFilters {
  const page = Number.parseInt(search.get('page') ?? '', 10);
  return {
    status: oneOf(search.get('status'), TICKET_STATUSES),
    type: oneOf(search.get('type'), TICKET_TYPES),
    assigneeId: search.get('assignee') || null,
    q: search.get('q') ?? '',
    page: Number.isSafeInteger(page) && page > 0 ? page : 0,
  };
}

export function writeBoardFilters(filters: BoardFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.status) search.set('status', filters.status);
  if (filters.type) search.set('type', filters.type);
  if (filters.assigneeId) search.set('assignee', filters.assigneeId);
  if (filters.q.trim()) search.set('q', filters.q.trim());
  if (filters.page > 0) search.set('page', String(filters.page));
  return search;
}

/** The filters, and a way to change some of them (any change but the page's goes back to page 1). */
export function useBoardFilters(): [BoardFilters, (change: Partial<BoardFilters>) => void] {
  const [search, setSearch] = useSearchParams();
  const filters = readBoardFilters(search);
  function change(next: Partial<BoardFilters>) {
    setSearch(writeBoardFilters({ ...filters, page: 0, ...next }));
  }
  return [filters, change];
}
