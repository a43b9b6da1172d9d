import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { apiUrl } from '@/config/env';
import { paths } from '@/config/paths';
import type { Copro } from '@/features/status/types';

type ReportPanelProps = { copro: Copro; signedIn: boolean };

/** How to tell the condo something is wrong, and how to follow its news: report form (and its
 * QR code to print in the hall), Atom feed, resident sign-up. */
export function ReportPanel({ copro, signedIn }: ReportPanelProps) {
  const { t } = useTranslation();
  const [qrShown, setQrShown] = useState(true);
  const slug = encodeURIComponent(copro.slug);
  const reportHref = paths.condo.report.getHref(copro.slug);
  return (
    <section className="card report-panel" aria-labelledby="report-panel-heading">
      <div className="report-panel__text">
        <h2 id="report-panel-heading">{t('reportPanel.title')}</h2>
        <p>{t('reportPanel.body')}</p>
        <p className="report-panel__actions">
          <Link className="button button--primary" to={reportHref}>
            {t('reportPanel.report')}
          </Link>
          <a className="button" href={apiUrl(`/status/${slug}/feed.atom`)} type="application/atom+xml">
            <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
              <circle cx="5" cy="19" r="2.2" fill="currentColor" />
              <path d="M3 11a10 10 0 0 1 10 10M3 4a17 17 0 0 1 17 17" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" />
            </svg>
            {t('reportPanel.feed')}
          </a>
        </p>
        {signedIn ? null : (
          <p className="small">
            {t('reportPanel.residentPrompt')}{' '}
            <Link to={paths.condo.signup.getHref(copro.slug)}>{t('reportPanel.signup')}</Link>
          </p>
        )}
      </div>
      {qrShown ? (
        <Link to={reportHref} className="report-panel__qr">
          <img
            src={apiUrl(`/status/${slug}/qr.svg`)}
            alt={t('reportPanel.qrAlt', { name: copro.name })}
            width={132}
            height={132}
            onError={() => setQrShown(false)}
          />
        </Link>
      ) : null}
    </section>
  );
}
