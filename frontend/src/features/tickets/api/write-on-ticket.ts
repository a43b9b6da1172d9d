import { ticketKeys } from '@/features/tickets/api/get-my-tickets';
import { segment, sendCommand, useCommand } from '@/lib/command';

/** `comments` are internal (managers only); `replies` go to the reporter. */
export type TicketNote = 'comments' | 'replies';

export type WriteOnTicketInput = { ticketId: string; note: TicketNote; text: string };

export function writeOnTicket({ ticketId, note, text }: WriteOnTicketInput) {
  return sendCommand(`/tickets/${segment(ticketId)}/${note}`, { text });
}

/** Adds an internal comment or a public reply to the ticket. */
export function useWriteOnTicket() {
  return useCommand({ send: writeOnTicket, changes: () => [ticketKeys.all] });
}
