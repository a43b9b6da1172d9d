import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { IncidentStatusPill } from '@/components/ui/incident-status-pill';
import { MessagePanel } from '@/components/ui/message-panel';
import { Pager } from '@/components/ui/pager';
import { Spinner } from '@/components/ui/spinner';
import { StatusBadge } from '@/components/ui/status-badge';
import { INCIDENTS_PAGE_SIZE, useIncidents } from '@/features/incidents/api/get-incidents';
import type { IncidentSummary } from '@/features/incidents/types';
import { formatDateTime } from '@/lib/format-date';
import type { IncidentStatus } from '@/types/incident-status';

/** The list's views, by the statuses each shows. */
const VIEWS = {
  open: ['investigating', 'in_progress'],
  resolved: ['resolved'],
  closed: ['closed'],
  all: [],
} as const satisfies Record<string, readonly IncidentStatus[]>;

type View = keyof typeof VIEWS;

function viewOf(value: string | null): View {
  return value !== null && value in VIEWS ? (value as View) : 'open';
}

type IncidentListProps = { coproId: string; incidentHref: (incidentId: string) => string };

/** The condo's incidents, open ones first shown, latest started first, paged. */
export function IncidentList({ coproId, incidentHref }: IncidentListProps) {
  const { t } = useTranslation('incidents');
  const { t: tConsole } = useTranslation('console');
  const [search, setSearch] = useSearchParams();
  const view = viewOf(search.get('view'));
  const page = Math.max(0, Number.parseInt(search.get('page') ?? '0', 10) || 0);
  const incidents = useIncidents(coproId, VIEWS[view], page);
  return (
    <>
      <nav className="segmented" aria-label={t('list.filter')}>
        {(Object.keys(VIEWS) as View[]).map((candidate) => (
          <Link key={candidate} to={`?view=${candidate}`} aria-current={candidate === view ? 'page' : undefined}>
            {t(`list.filters.${candidate}`)}
          </Link>
        ))}
      </nav>
      {incidents.isPending ? <Spinner label={t('list.loading')} /> : null}
      {incidents.isError && !incidents.data ? (
        <MessagePanel title={t('list.errorTitle')} level={2}>
          <button type="button" className="button" onClick={() => void incidents.refetch()}>
            {tConsole('error.retry')}
          </button>
        </MessagePanel>
      ) : null}
      {incidents.data ? (
        <>
          <p className="board__count" role="status">
            {t('list.count', { count: incidents.data.total })}
          </p>
          {incidents.data.items.length === 0 ? (
            <p className="card console-empty">{t('list.empty')}</p>
          ) : (
            <ul className="board" aria-busy={incidents.isFetching}>
              {incidents.data.items.map((incident) => (
                <IncidentRow key={incident.id} incident={incident} href={incidentHref(incident.id)} />
              ))}
            </ul>
          )}
          <Pager
            page={page}
            pageSize={INCIDENTS_PAGE_SIZE}
            total={incidents.data.total}
            label={t('list.pages')}
            onPage={(next) => setSearch({ view, page: String(next) })}
          />
        </>
      ) : null}
    </>
  );
}

function IncidentRow({ incident, href }: { incident: IncidentSummary; href: string }) {
  const { t, i18n } = useTranslation('incidents');
  const language = i18n.resolvedLanguage ?? 'fr';
  return (
    <li className="board__row card" data-testid={`incident-row-${incident.id}`}>
      <div className="board__title">
        <h2>
          <Link to={href}>{incident.title}</Link>
        </h2>
        <IncidentStatusPill status={incident.status} />
      </div>
      <p className="board__meta">
        <span>{t('list.startedAt', { date: formatDateTime(incident.started_at, language) })}</span>
        {incident.impact ? <StatusBadge status={incident.impact} /> : null}
        <span>{incident.equipment.map((item) => item.name).filter(Boolean).join(', ')}</span>
        {incident.reporter_count > 0 ? <span>{t('incident.reports', { count: incident.reporter_count })}</span> : null}
      </p>
    </li>
  );
}
