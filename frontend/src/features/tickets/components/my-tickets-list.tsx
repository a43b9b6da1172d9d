import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { MessagePanel } from '@/components/ui/message-panel';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useMyTickets } from '@/features/tickets/api/get-my-tickets';
import { ticketReference } from '@/features/tickets/components/report-confirmation';
import { TicketStatusPill } from '@/features/tickets/components/ticket-status';
import { formatDateTime } from '@/lib/format-date';

/** The resident's tickets, latest first, each leading to its timeline. */
export function MyTicketsList() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const tickets = useMyTickets();
  if (tickets.isPending) return <Spinner label={t('myTickets.loading')} />;
  if (tickets.isError) {
    return (
      <MessagePanel title={t('myTickets.errorTitle')} level={2}>
        <button type="button" className="button" onClick={() => void tickets.refetch()}>
          {t('statusPage.retry')}
        </button>
      </MessagePanel>
    );
  }
  if (tickets.data.items.length === 0) return <p className="muted">{t('myTickets.empty')}</p>;
  return (
    <ul className="ticket-list">
      {tickets.data.items.map((ticket) => (
        <li key={ticket.id} className="card ticket-card" data-testid={`ticket-${ticket.id}`}>
          <div className="ticket-card__header">
            <h2>
              <Link to={paths.me.ticket.getHref(ticket.id)}>{ticket.title}</Link>
            </h2>
            <TicketStatusPill status={ticket.status} />
          </div>
          <p className="ticket-card__meta">
            <span>
              {t('myTickets.reference')} {ticketReference(ticket.id)}
            </span>
            <span>{t(`report.types.${ticket.type}`)}</span>
            {ticket.copro_name ? <span>{ticket.copro_name}</span> : null}
            <span>
              {t('myTickets.reportedAt')} <time dateTime={ticket.reported_at}>{formatDateTime(ticket.reported_at, language)}</time>
            </span>
            {ticket.reply_count > 0 ? <span>{t('myTickets.replies', { count: ticket.reply_count })}</span> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
