import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { MessagePanel } from '@/components/ui/message-panel';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useTicket } from '@/features/tickets/api/get-ticket';
import { ticketReference } from '@/features/tickets/components/report-confirmation';
import { TicketStatusPill } from '@/features/tickets/components/ticket-status';
import type { TicketDetail as Ticket, TicketTimelineEntry } from '@/features/tickets/types';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format-date';

const KNOWN_KINDS = ['reported', 'started', 'resolved', 'closed', 'reopened', 'replied'] as const;

/** One of the resident's tickets: what they wrote, where it stands, every public step and reply. */
export function TicketDetail({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const ticket = useTicket(ticketId);
  useDocumentTitle(ticket.data?.title ?? t('myTickets.title'));
  if (ticket.isPending) return <Spinner label={t('myTickets.loadingOne')} />;
  if (ticket.isError) {
    const missing = ticket.error instanceof ApiError && ticket.error.status === 404;
    return (
      <MessagePanel title={missing ? t('myTickets.notFound') : t('myTickets.errorTitle')} testId="page-error">
        <Link to={paths.me.tickets.getHref()}>{t('myTickets.back')}</Link>
      </MessagePanel>
    );
  }
  return <TicketView ticket={ticket.data} />;
}

function TicketView({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  return (
    <article className="ticket" data-testid="ticket-detail">
      <p>
        <Link to={paths.me.tickets.getHref()}>← {t('myTickets.back')}</Link>
      </p>
      <header className="ticket__header">
        <h1>{ticket.title}</h1>
        <TicketStatusPill status={ticket.status} />
      </header>
      <dl className="ticket__facts">
        <dt>{t('myTickets.reference')}</dt>
        <dd>{ticketReference(ticket.id)}</dd>
        <dt>{t('report.type')}</dt>
        <dd>{t(`report.types.${ticket.type}`)}</dd>
        <dt>{t('myTickets.reportedAt')}</dt>
        <dd>
          <time dateTime={ticket.reported_at}>{formatDateTime(ticket.reported_at, language)}</time>
        </dd>
        {ticket.location ? (
          <>
            <dt>{t('report.location')}</dt>
            <dd>{ticket.location}</dd>
          </>
        ) : null}
      </dl>
      <section className="card" aria-labelledby="ticket-description">
        <h2 id="ticket-description">{t('report.description')}</h2>
        <p className="ticket__description">{ticket.description}</p>
      </section>
      <section className="card" aria-labelledby="ticket-timeline">
        <h2 id="ticket-timeline">{t('myTickets.timeline')}</h2>
        <ol className="timeline">
          {ticket.timeline.map((entry, index) => (
            <TimelineItem key={`${entry.at}-${index}`} entry={entry} />
          ))}
        </ol>
      </section>
    </article>
  );
}

function TimelineItem({ entry }: { entry: TicketTimelineEntry }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const kind = KNOWN_KINDS.find((known) => known === entry.kind);
  return (
    <li className={entry.kind === 'replied' ? 'timeline__reply' : undefined}>
      <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
      <span className="timeline__status">{kind ? t(`ticketTimeline.${kind}`) : entry.kind}</span>
      {entry.text ? <span className="timeline__message">{entry.text}</span> : null}
    </li>
  );
}
