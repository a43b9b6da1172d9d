import { useMutation, useQueryClient } from '@tanstack/react-query';

import { ticketKeys } from '@/features/tickets/api/get-my-tickets';
import type { Receipt, TicketReport } from '@/features/tickets/types';
import { api } from '@/lib/api-client';
import { notePosition } from '@/lib/read-position';

export type ReportTicketInput = { coproId: string; report: TicketReport };

export async function reportTicket({ coproId, report }: ReportTicketInput): Promise<Receipt> {
  const response = await api.post<Receipt>(`/copros/${encodeURIComponent(coproId)}/tickets`, report);
  return response.data;
}

/** Sends a report; the reads that follow wait for it, so "my tickets" lists it at once. */
export function useReportTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reportTicket,
    onSuccess: (receipt) => {
      notePosition(receipt.position);
      void queryClient.invalidateQueries({ queryKey: ticketKeys.all });
    },
  });
}
