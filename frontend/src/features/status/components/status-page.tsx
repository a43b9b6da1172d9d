import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { MessagePanel } from '@/components/ui/message-panel';
import { Spinner } from '@/components/ui/spinner';
import { apiUrl } from '@/config/env';
import { paths } from '@/config/paths';
import { useStatusHistory } from '@/features/status/api/get-status-history';
import { useStatusPage } from '@/features/status/api/get-status-page';
import { useStatusPageStream, type LiveState } from '@/features/status/api/watch-status-page';
import { BuildingSection } from '@/features/status/components/building-section';
import { IncidentList } from '@/features/status/components/incident-list';
import { LiveNotice } from '@/features/status/components/live-notice';
import { PageNow } from '@/features/status/components/page-now';
import { ReportPanel } from '@/features/status/components/report-panel';
import { StripLegend } from '@/features/status/components/strip-legend';
import type { HistoryDay, StatusHistory, StatusPage } from '@/features/status/types';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useHeadLink } from '@/hooks/use-head-link';
import { ApiError } from '@/lib/api-client';

type StatusPageContainerProps = { slug: string; signedIn: boolean };

/** The public page of one condo, kept up to date by its live stream. */
export function StatusPageContainer({ slug, signedIn }: StatusPageContainerProps) {
  const { t } = useTranslation();
  const page = useStatusPage(slug);
  const history = useStatusHistory(slug);
  const live = useStatusPageStream(slug);
  useDocumentTitle(page.data?.copro.name ?? t('statusPage.loading'));
  useHeadLink({
    rel: 'alternate',
    type: 'application/atom+xml',
    href: apiUrl(`/status/${encodeURIComponent(slug)}/feed.atom`),
    title: t('reportPanel.feed'),
  });

  if (page.data) {
    return (
      <StatusPageView
        page={page.data}
        history={history.data}
        historyFailed={history.isError && !history.data}
        live={live}
        signedIn={signedIn}
      />
    );
  }
  if (page.isError) return <StatusPageError error={page.error} onRetry={() => void page.refetch()} />;
  return <Spinner label={t('statusPage.loading')} />;
}

function StatusPageError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError ? error.status : null;
  if (status === 404) {
    return (
      <MessagePanel title={t('statusPage.notFoundTitle')} testId="page-error">
        <p>{t('statusPage.notFoundBody')}</p>
        <Link to={paths.home.getHref()}>{t('notFound.backHome')}</Link>
      </MessagePanel>
    );
  }
  if (status === 401 || status === 403) {
    return (
      <MessagePanel title={t('statusPage.membersOnlyTitle')} testId="page-error">
        <p>{t('statusPage.membersOnlyBody')}</p>
        <Link className="button" to={paths.auth.login.getHref(window.location.pathname)}>
          {t('auth.signIn')}
        </Link>
      </MessagePanel>
    );
  }
  return (
    <MessagePanel title={t('statusPage.errorTitle')} testId="page-error">
      <p>{t('statusPage.errorBody')}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('statusPage.retry')}
      </button>
    </MessagePanel>
  );
}

type StatusPageViewProps = {
  page: StatusPage;
  history?: StatusHistory;
  historyFailed?: boolean;
  live?: LiveState;
  signedIn?: boolean;
};

export function StatusPageView({
  page,
  history,
  historyFailed = false,
  live = 'connecting',
  signedIn = false,
}: StatusPageViewProps) {
  const { t } = useTranslation();
  const { copro } = page;
  const days = useMemo(() => daysByEquipment(history), [history]);
  const incidentTitles = useMemo(
    () => new Map([...page.open_incidents, ...page.recent_incidents].map((i) => [i.id, i.title])),
    [page.open_incidents, page.recent_incidents],
  );
  return (
    <article className="status-page" data-testid="status-page">
      <header className="status-page__header">
        <div>
          <h1>{copro.name}</h1>
          <p className="status-page__address">
            {copro.address}, {copro.postal_code} {copro.city}
          </p>
        </div>
        <div className="status-page__actions">
          <LiveNotice state={live} />
          <Link className="button button--primary" to={paths.condo.report.getHref(copro.slug)}>
            {t('reportPanel.report')}
          </Link>
        </div>
      </header>

      <PageNow page={page} />

      <section className="status-page__section" aria-labelledby="equipment-heading">
        <h2 id="equipment-heading">{t('statusPage.equipmentHeading')}</h2>
        {history ? <StripLegend days={history.days} /> : null}
        {historyFailed ? <p className="muted">{t('strip.unavailable')}</p> : null}
        {page.buildings.map((building) => (
          <BuildingSection key={building.id} building={building} history={days} incidentTitles={incidentTitles} />
        ))}
      </section>

      <section className="status-page__section" aria-labelledby="recent-incidents-heading">
        <h2 id="recent-incidents-heading">{t('statusPage.recentIncidents')}</h2>
        {page.recent_incidents.length > 0 ? (
          <IncidentList incidents={page.recent_incidents} resolved />
        ) : (
          <p className="muted">{t('statusPage.noRecentIncidents')}</p>
        )}
      </section>

      <ReportPanel copro={copro} signedIn={signedIn} />

      <section className="status-rule" aria-labelledby="status-rule-heading">
        <h2 id="status-rule-heading">{t('statusPage.statusRule')}</h2>
        {/* The API publishes the rule in English; visitors read it in their language. */}
        <p>{t('statusPage.statusRuleText')}</p>
      </section>
    </article>
  );
}

function daysByEquipment(history: StatusHistory | undefined): ReadonlyMap<string, HistoryDay[]> | undefined {
  return history ? new Map(history.equipment.map((item) => [item.id, item.days])) : undefined;
}
