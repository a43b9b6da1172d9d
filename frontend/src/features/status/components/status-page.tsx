import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { MessagePanel } from '@/components/ui/message-panel';
import { Spinner } from '@/components/ui/spinner';
import { useStatusPage } from '@/features/status/api/get-status-page';
import { BuildingSection } from '@/features/status/components/building-section';
import { IncidentList } from '@/features/status/components/incident-list';
import { MaintenanceList } from '@/features/status/components/maintenance-list';
import { OverallBanner } from '@/features/status/components/overall-banner';
import type { StatusPage } from '@/features/status/types';
import { useDocumentTitle } from '@/hooks/use-document-title';
import type { ApiError } from '@/lib/api-client';

type StatusPageContainerProps = { slug: string };

/** Fetches the public status page of `slug` and shows it, or why it cannot be shown. */
export function StatusPageContainer({ slug }: StatusPageContainerProps) {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const state = useStatusPage(slug, attempt);
  useDocumentTitle(
    state.status === 'success'
      ? state.data.copro.name
      : state.status === 'error' && state.error.status === 404
        ? t('statusPage.notFoundTitle')
        : null,
  );

  if (state.status === 'loading') return <Spinner label={t('statusPage.loading')} />;
  if (state.status === 'error') {
    return <StatusPageError error={state.error} onRetry={() => setAttempt((n) => n + 1)} />;
  }
  return <StatusPageView page={state.data} />;
}

function StatusPageError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useTranslation();
  if (error.status === 404) {
    return (
      <MessagePanel title={t('statusPage.notFoundTitle')} testId="page-error">
        <p>{t('statusPage.notFoundBody')}</p>
        <Link to="/">{t('notFound.backHome')}</Link>
      </MessagePanel>
    );
  }
  if (error.status === 401 || error.status === 403) {
    return (
      <MessagePanel title={t('statusPage.membersOnlyTitle')} testId="page-error">
        <p>{t('statusPage.membersOnlyBody')}</p>
        <Link className="button" to="/login">
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

type StatusPageViewProps = { page: StatusPage };

export function StatusPageView({ page }: StatusPageViewProps) {
  const { t } = useTranslation();
  const { copro, maintenances } = page;
  const hasMaintenance = maintenances.in_progress.length + maintenances.planned.length > 0;
  return (
    <article className="status-page" data-testid="status-page">
      <header className="status-page__header">
        <h1>{copro.name}</h1>
        <p className="status-page__address">
          {copro.address}, {copro.postal_code} {copro.city}
        </p>
      </header>

      <OverallBanner status={page.overall_status} buildings={page.buildings} />

      <section className="status-page__section" aria-labelledby="open-incidents-heading">
        <h2 id="open-incidents-heading">{t('statusPage.openIncidents')}</h2>
        {page.open_incidents.length > 0 ? (
          <IncidentList incidents={page.open_incidents} />
        ) : (
          <p className="muted">{t('statusPage.noOpenIncidents')}</p>
        )}
      </section>

      {hasMaintenance ? (
        <section className="status-page__section" aria-labelledby="maintenances-heading">
          <h2 id="maintenances-heading">{t('statusPage.maintenances')}</h2>
          <MaintenanceList
            title={t('statusPage.maintenanceInProgress')}
            maintenances={maintenances.in_progress}
          />
          <MaintenanceList title={t('statusPage.maintenancePlanned')} maintenances={maintenances.planned} />
        </section>
      ) : null}

      <section className="status-page__section" aria-labelledby="equipment-heading">
        <h2 id="equipment-heading">{t('statusPage.equipmentHeading')}</h2>
        {page.buildings.map((building) => (
          <BuildingSection key={building.id} building={building} />
        ))}
      </section>

      {page.recent_incidents.length > 0 ? (
        <section className="status-page__section" aria-labelledby="recent-incidents-heading">
          <h2 id="recent-incidents-heading">{t('statusPage.recentIncidents')}</h2>
          <IncidentList incidents={page.recent_incidents} />
        </section>
      ) : null}

      <section className="status-rule" aria-labelledby="status-rule-heading">
        <h2 id="status-rule-heading">{t('statusPage.statusRule')}</h2>
        {/* The API publishes the rule in English; visitors read it in their language. */}
        <p>{t('statusPage.statusRuleText')}</p>
      </section>
    </article>
  );
}
