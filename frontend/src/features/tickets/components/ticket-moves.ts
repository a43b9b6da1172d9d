import type { TicketStatus } from '@/features/tickets/types';

export const TICKET_MOVES = ['start', 'resolve', 'close', 'reopen'] as const;
export type TicketMove = (typeof TICKET_MOVES)[number];

/** domain/ticket.py `MOVES`: the statuses each move may start from. */
const ALLOWED_FROM: Record<TicketMove, readonly TicketStatus[]> = {
  start: ['analyzing'],
  resolve: ['in_progress'],
  close: ['analyzing', 'resolved'],
  reopen: ['resolved', 'closed'],
};

/** The moves the rules allow from `status`, and only those, in the order they are offered. */
export function movesFrom(status: TicketStatus): TicketMove[] {
  return TICKET_MOVES.filter((move) => ALLOWED_FROM[move].includes(status));
}

/** A reason is required to reopen, and to close what was never dealt with (duplicate, not
 * actionable); closing a resolved ticket needs none. */
export function needsReason(move: TicketMove, status: TicketStatus): boolean {
  return move === 'reopen' || (move === 'close' && status === 'analyzing');
}

/** Whether the move's note is a reason (close, reopen) or a message (start, resolve). */
export function takesReason(move: TicketMove): boolean {
  return move === 'close' || move === 'reopen';
}
