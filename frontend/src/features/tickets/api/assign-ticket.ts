import { ticketKeys } from '@/features/tickets/api/get-my-tickets';
import { segment, sendCommand, useCommand } from '@/lib/command';

export type AssignTicketInput = { ticketId: string; assigneeId: string };

export function assignTicket({ ticketId, assigneeId }: AssignTicketInput) {
  return sendCommand(`/tickets/${segment(ticketId)}/assign`, { assignee_id: assigneeId });
}

/** Hands the ticket to one of the condo's managers; its status stays as it is. */
export function useAssignTicket() {
  return useCommand({ send: assignTicket, changes: () => [ticketKeys.all] });
}
