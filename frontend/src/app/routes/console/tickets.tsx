import { useTranslation } from 'react-i18next';

import { useConsoleCondo } from '@/app/routes/console/console-condo';
import { useCondoDirectory } from '@/app/routes/console/directory';
import { paths } from '@/config/paths';
import { TicketBoard } from '@/features/tickets/components/ticket-board';
import { ticketsTranslations } from '@/features/tickets/locales';
import { useDocumentTitle } from '@/hooks/use-document-title';

export const namespaces = [ticketsTranslations];

/** The tickets board of the condo. */
export default function TicketsRoute() {
  const { t } = useTranslation('tickets');
  const { condo } = useConsoleCondo();
  const directory = useCondoDirectory(condo.id, { withMembers: true });
  useDocumentTitle(t('board.title'));
  return (
    <section className="console-page" aria-labelledby="board-title">
      <header>
        <h1 id="board-title">{t('board.title')}</h1>
        <p className="muted">{t('board.intro')}</p>
      </header>
      <TicketBoard
        coproId={condo.id}
        managers={directory.managers}
        personName={directory.personName}
        equipmentName={directory.equipmentName}
        ticketHref={(ticketId) => paths.console.ticket.getHref(condo.id, ticketId)}
      />
    </section>
  );
}
