import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { useActorName } from '@/app/routes/console/audit-actor';
import { useConsoleCondo } from '@/app/routes/console/console-condo';
import { LoadFailed } from '@/components/ui/load-failed';
import { Pager } from '@/components/ui/pager';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { EVENTS_PAGE_SIZE, useAuditEvents } from '@/features/audit/api/get-audit-events';
import { AuditViews } from '@/features/audit/components/audit-views';
import { EventFilters } from '@/features/audit/components/event-filters';
import { EventTable } from '@/features/audit/components/event-table';
import { ExportPanel } from '@/features/audit/components/export-panel';
import { VerifyPanel } from '@/features/audit/components/verify-panel';
import { auditTranslations } from '@/features/audit/locales';
import type { AuditFilters } from '@/features/audit/types';
import { useDocumentTitle } from '@/hooks/use-document-title';

export const namespaces = [auditTranslations];

/** The auditor's desk: the condo's events, filtered and paged by the address, and its proofs. */
export default function AuditRoute() {
  const { t } = useTranslation('audit');
  const { condo } = useConsoleCondo();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0);
  const events = useAuditEvents(condo.id, filters, page);
  const actorName = useActorName();
  useDocumentTitle(`${t('page.title')} — ${t('views.events')}`);

  function show(chosen: AuditFilters, at = 0) {
    const next = new URLSearchParams();
    if (chosen.type) next.set('type', chosen.type);
    if (chosen.aggregateId) next.set('aggregate', chosen.aggregateId);
    if (chosen.actorId) next.set('actor', chosen.actorId);
    if (chosen.from) next.set('from', chosen.from);
    if (chosen.to) next.set('to', chosen.to);
    if (at > 0) next.set('page', String(at));
    setParams(next);
  }

  return (
    <section className="console-page" aria-labelledby="audit-title">
      <header>
        <h1 id="audit-title">{t('page.title')}</h1>
        <p className="muted">{t('page.intro')}</p>
      </header>
      <AuditViews coproId={condo.id} />
      <EventFilters key={params.toString()} filters={filters} onFilters={(chosen) => show(chosen)} />
      <div className="audit-proofs">
        <VerifyPanel coproId={condo.id} />
        <ExportPanel coproId={condo.id} filters={filters} />
      </div>
      <section className="card console-section" aria-labelledby="audit-events-title" aria-busy={events.isFetching} data-testid="audit-events">
        <h2 id="audit-events-title">{t('events.caption')}</h2>
        {events.isError ? <LoadFailed error={events.error} onRetry={() => void events.refetch()} /> : null}
        {events.isPending ? <Spinner label={t('then.loading')} /> : null}
        {events.data ? (
          <>
            <p className="audit-count" role="status" data-testid="audit-count">
              {t('events.count', { count: events.data.total })}
            </p>
            {events.data.items.length === 0 ? (
              <p className="console-empty">{t('events.empty')}</p>
            ) : (
              <EventTable
                events={events.data.items}
                caption={t('events.caption')}
                actorName={actorName}
                historyHref={(aggregateId) => paths.console.auditAggregate.getHref(condo.id, aggregateId)}
              />
            )}
            <Pager page={page} pageSize={EVENTS_PAGE_SIZE} total={events.data.total} label={t('events.pages')} onPage={(at) => show(filters, at)} />
          </>
        ) : null}
      </section>
    </section>
  );
}

function filtersFrom(params: URLSearchParams): AuditFilters {
  return {
    type: params.get('type') ?? '',
    aggregateId: params.get('aggregate') ?? '',
    actorId: params.get('actor') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}
