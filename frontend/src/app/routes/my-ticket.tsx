import { useParams } from 'react-router';

import { RequireSession } from '@/features/auth/components/require-session';
import { TicketDetail } from '@/features/tickets/components/ticket-detail';

export function MyTicketRoute() {
  const { ticketId = '' } = useParams();
  return (
    <RequireSession>
      <div className="narrow-page">
        <TicketDetail key={ticketId} ticketId={ticketId} />
      </div>
    </RequireSession>
  );
}
