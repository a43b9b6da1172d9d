import { ticketKeys } from '@/features/tickets/api/get-my-tickets';
import type { ImpactOn } from '@/components/ui/form/equipment-choice';
import { segment, sendCommand, STATUS_PAGES, useCommand } from '@/lib/command';

export type ConvertTicketInput = { ticketId: string; impacts: ImpactOn[]; title: string | null };

export function convertTicket({ ticketId, impacts, title }: ConvertTicketInput) {
  return sendCommand(`/tickets/${segment(ticketId)}/convert`, { impacts, title });
}

/** Opens a new incident from the ticket (answers the incident's receipt): the public page shows it. */
export function useConvertTicket() {
  return useCommand({ send: convertTicket, changes: () => [ticketKeys.all, ['incidents'], STATUS_PAGES] });
}
