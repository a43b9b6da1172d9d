import '@/components/ui/chart/figures.css';

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { AuditEvent } from '@/features/audit/types';
import { formatDateTime } from '@/lib/format-date';

type EventTableProps = {
  events: AuditEvent[];
  caption: string;
  /** Who an actor id names, in the visitor's words. */
  actorName: (actorId: string) => string;
  /** Where an aggregate's history is; none on that aggregate's own page. */
  historyHref?: (aggregateId: string) => string;
};

/** Events as the log holds them, one row each: position, time, aggregate, type, actor, data. */
export function EventTable({ events, caption, actorName, historyHref }: EventTableProps) {
  const { t, i18n } = useTranslation('audit');
  return (
    <div className="figures audit-events">
      <table className="figures__stack">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('events.position')}</th>
            <th scope="col">{t('events.time')}</th>
            <th scope="col">{t('events.type')}</th>
            <th scope="col">{t('events.aggregate')}</th>
            <th scope="col">{t('events.actor')}</th>
            <th scope="col">{t('events.data')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.position} data-testid="audit-event">
              <th scope="row" className="number">
                {event.position}
              </th>
              <td data-label={t('events.time')}>
                <time dateTime={event.recorded_at}>{formatDateTime(event.recorded_at, i18n.language)}</time>
              </td>
              <td data-label={t('events.type')}>
                <code>{event.event_type}</code>
              </td>
              <td data-label={t('events.aggregate')}>
                {/* One block: a stacked row (on a phone) lays out each child of a cell apart. */}
                <div>
                  {event.aggregate_type} <span className="muted small">{t('events.version', { version: event.aggregate_version })}</span>
                  {historyHref ? (
                    <>
                      <br />
                      <Link
                        to={historyHref(event.aggregate_id)}
                        aria-label={t('events.historyOf', { type: event.aggregate_type, id: event.aggregate_id })}
                      >
                        {t('events.history')}
                      </Link>
                    </>
                  ) : null}
                </div>
              </td>
              <td data-label={t('events.actor')}>{actorName(event.actor_id)}</td>
              <td data-label={t('events.data')}>
                <details className="audit-data">
                  <summary>
                    {t('events.see')}
                    <span className="visually-hidden"> {t('events.showData', { position: event.position })}</span>
                  </summary>
                  <pre tabIndex={0} aria-label={t('events.showData', { position: event.position })}>
                    {JSON.stringify(event.data, null, 2)}
                  </pre>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
