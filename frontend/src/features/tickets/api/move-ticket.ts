import { ticketKeys } from '@/features/tickets/api/get-my-tickets';
import { takesReason, type TicketMove } from '@/features/tickets/components/ticket-moves';
import { segment, sendCommand, useCommand } from '@/lib/command';

/** `note` is the move's message (start, resolve) or its reason (close, reopen). */
export type MoveTicketInput = { ticketId: string; move: TicketMove; note: string | null };

export function moveTicket({ ticketId, move, note }: MoveTicketInput) {
  const field = takesReason(move) ? 'reason' : 'message';
  return sendCommand(`/tickets/${segment(ticketId)}/${move}`, { [field]: note });
}

/** Starts, resolves, closes or reopens a ticket; the reporter sees the move in their timeline. */
export function useMoveTicket() {
  return useCommand({ send: moveTicket, changes: () => [ticketKeys.all] });
}
