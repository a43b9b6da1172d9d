import { ticketKeys } from '@/features/tickets/api/get-my-tickets';
import { segment, sendCommand, STATUS_PAGES, useCommand } from '@/lib/command';

export type LinkTicketInput = { ticketId: string; incidentId: string };

export function linkTicket({ ticketId, incidentId }: LinkTicketInput) {
  return sendCommand(`/tickets/${segment(ticketId)}/link`, { incident_id: incidentId });
}

/** Makes the ticket one more report of an open incident ("reported by N residents"). */
export function useLinkTicket() {
  return useCommand({ send: linkTicket, changes: () => [ticketKeys.all, ['incidents'], STATUS_PAGES] });
}
