import { useTranslation } from 'react-i18next';

import { StatusBadge } from '@/components/ui/status-badge';
import type { Incident } from '@/features/status/types';
import { formatDateTime } from '@/lib/format-date';

type IncidentListProps = { incidents: Incident[] };

export function IncidentList({ incidents }: IncidentListProps) {
  return (
    <ul className="incident-list">
      {incidents.map((incident) => (
        <IncidentItem key={incident.id} incident={incident} />
      ))}
    </ul>
  );
}

function IncidentItem({ incident }: { incident: Incident }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  return (
    <li className="card incident" data-testid={`incident-${incident.id}`}>
      <div className="incident__header">
        <h3>{incident.title}</h3>
        {incident.impact ? <StatusBadge status={incident.impact} /> : null}
      </div>
      <p className="incident__meta">
        {incident.resolved_at ? (
          <span>{t('statusPage.resolvedAt', { date: formatDateTime(incident.resolved_at, language) })}</span>
        ) : incident.started_at ? (
          <span>{t('statusPage.startedAt', { date: formatDateTime(incident.started_at, language) })}</span>
        ) : null}
        {incident.reporter_count ? (
          <span>{t('statusPage.reportedBy', { count: incident.reporter_count })}</span>
        ) : null}
      </p>
      {incident.timeline && incident.timeline.length > 0 ? (
        <ol className="timeline">
          {incident.timeline.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
              <span>{entry.message}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </li>
  );
}
