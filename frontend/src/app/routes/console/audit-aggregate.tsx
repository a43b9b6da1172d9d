import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { useActorName } from '@/app/routes/console/audit-actor';
import { useConsoleCondo } from '@/app/routes/console/console-condo';
import { ConsoleNotFound } from '@/app/routes/console/refusals';
import { LoadFailed } from '@/components/ui/load-failed';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useAggregateHistory } from '@/features/audit/api/get-aggregate-history';
import { AggregateStatePanel } from '@/features/audit/components/aggregate-state';
import { AuditViews } from '@/features/audit/components/audit-views';
import { EventTable } from '@/features/audit/components/event-table';
import { auditTranslations } from '@/features/audit/locales';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ApiError } from '@/lib/api-client';

export const namespaces = [auditTranslations];

/** One aggregate's whole history, who caused each event and when, and its state then. */
export default function AuditAggregateRoute() {
  const { t } = useTranslation('audit');
  const { condo } = useConsoleCondo();
  const { aggregateId = '' } = useParams();
  const history = useAggregateHistory(aggregateId);
  const actorName = useActorName();
  useDocumentTitle(`${t('page.title')} — ${t('aggregate.title')}`);

  if (history.error instanceof ApiError && (history.error.status === 404 || history.error.status === 422)) return <ConsoleNotFound />;
  const events = history.data?.items ?? [];
  const first = events[0];
  const last = events.at(-1);
  return (
    <section className="console-page" aria-labelledby="aggregate-title">
      <header>
        <h1 id="aggregate-title">{t('aggregate.title')}</h1>
        {first ? (
          <p className="muted">
            {t('aggregate.intro', { type: first.aggregate_type, id: aggregateId })}
          </p>
        ) : null}
        <p>
          <Link to={paths.console.audit.getHref(condo.id)}>← {t('aggregate.back')}</Link>
        </p>
      </header>
      <AuditViews coproId={condo.id} />
      {history.isPending ? <Spinner label={t('then.loading')} /> : null}
      {history.isError ? <LoadFailed error={history.error} onRetry={() => void history.refetch()} /> : null}
      {last ? <AggregateStatePanel aggregateId={aggregateId} latestVersion={last.aggregate_version} /> : null}
      {history.data ? (
        <section className="card console-section" aria-labelledby="aggregate-history">
          <h2 id="aggregate-history">{t('aggregate.history')}</h2>
          <p className="audit-count">{t('events.count', { count: history.data.total })}</p>
          <EventTable events={events} caption={t('aggregate.history')} actorName={actorName} />
        </section>
      ) : null}
    </section>
  );
}
