import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import type { Receipt } from '@/features/tickets/types';

type ReportConfirmationProps = {
  receipt: Receipt;
  slug: string;
  signedIn: boolean;
  onAnother: () => void;
};

/** A ticket's short reference, e.g. "7C85CCBC": the first characters of its id. */
export function ticketReference(ticketId: string): string {
  return ticketId.replace(/-/g, '').slice(0, 8).toUpperCase();
}

/** The report went through: its reference, and where to follow it. */
export function ReportConfirmation({ receipt, slug, signedIn, onAnother }: ReportConfirmationProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card confirmation" aria-labelledby="report-done-heading" data-testid="report-confirmation">
      <h2 id="report-done-heading" ref={heading} tabIndex={-1}>
        {t('report.doneTitle')}
      </h2>
      <p>
        {t('report.reference')} <strong className="reference" data-testid="ticket-reference">{ticketReference(receipt.id)}</strong>
      </p>
      <p>{signedIn ? t('report.doneSignedIn') : t('report.doneAnonymous')}</p>
      <p className="actions">
        {signedIn ? (
          <Link className="button button--primary" to={paths.me.ticket.getHref(receipt.id)}>
            {t('report.followIt')}
          </Link>
        ) : null}
        <Link className="button" to={paths.condo.status.getHref(slug)}>
          {t('report.backToStatus')}
        </Link>
        <button type="button" className="button button--quiet" onClick={onAnother}>
          {t('report.another')}
        </button>
      </p>
      {signedIn ? (
        <p>
          <Link to={paths.me.tickets.getHref()}>{t('myTickets.title')}</Link>
        </p>
      ) : null}
    </section>
  );
}
