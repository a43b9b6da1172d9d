import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';

import { CondoRecord } from '@/app/routes/console/condo-record';
import { useConsoleCondo } from '@/app/routes/console/console-condo';
import { useCondoDirectory } from '@/app/routes/console/directory';
import { paths } from '@/config/paths';
import { useIncidents } from '@/features/incidents/api/get-incidents';
import { useManagedTicket } from '@/features/tickets/api/get-managed-ticket';
import { ManagedTicketView } from '@/features/tickets/components/managed-ticket';
import { ticketsTranslations } from '@/features/tickets/locales';
import { useDocumentTitle } from '@/hooks/use-document-title';

export const namespaces = [ticketsTranslations];

const OPEN = ['investigating', 'in_progress'] as const;

/** One ticket of the condo, as its managers work on it. */
export default function TicketRoute() {
  const { t } = useTranslation('tickets');
  const { ticketId = '' } = useParams();
  const { condo } = useConsoleCondo();
  const navigate = useNavigate();
  const ticket = useManagedTicket(ticketId);
  const directory = useCondoDirectory(condo.id, { withMembers: true });
  const open = useIncidents(condo.id, OPEN);
  useDocumentTitle(ticket.data?.title ?? t('ticket.loading'));
  return (
    <CondoRecord read={ticket} also={directory} loading={t('ticket.loading')}>
      {(found) => (
        <ManagedTicketView
          ticket={found}
          managers={directory.managers}
          personName={directory.personName}
          equipmentName={directory.equipmentName}
          buildings={directory.buildings}
          openIncidents={open.data?.items ?? []}
          boardHref={paths.console.tickets.getHref(condo.id)}
          incidentHref={(incidentId) => paths.console.incident.getHref(condo.id, incidentId)}
          onConverted={(incidentId) => navigate(paths.console.incident.getHref(condo.id, incidentId))}
        />
      )}
    </CondoRecord>
  );
}
