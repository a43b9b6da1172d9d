import { useTranslation } from 'react-i18next';

import { Pill } from '@/components/ui/pill';
import { StatusBadge } from '@/components/ui/status-badge';
import { IncidentStatusPill } from '@/components/ui/incident-status-pill';
import type { Incident } from '@/features/status/types';
import { formatDateTime } from '@/lib/format-date';

type IncidentListProps = { incidents: Incident[]; resolved?: boolean };

/** Open incidents with their whole timeline, or resolved ones with their dates and a badge. */
export function IncidentList({ incidents, resolved = false }: IncidentListProps) {
  return (
    <ul className="incident-list">
      {incidents.map((incident) => (
        <IncidentItem key={incident.id} incident={incident} resolved={resolved} />
      ))}
    </ul>
  );
}

function IncidentItem({ incident, resolved }: { incident: Incident; resolved: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const when = (iso: string) => <time dateTime={iso}>{formatDateTime(iso, language)}</time>;
  const timeline = incident.timeline ?? [];
  const affected = incident.equipment ?? [];
  return (
    <li className="card incident" data-testid={`incident-${incident.id}`}>
      <div className="incident__header">
        <h3>{incident.title}</h3>
        <div className="incident__badges">
          {resolved ? (
            <Pill tone="done" label={t('incidentStatus.resolved')} testId="incident-status" />
          ) : (
            <IncidentStatusPill status={incident.status} />
          )}
          {incident.impact && !resolved ? <StatusBadge status={incident.impact} /> : null}
        </div>
      </div>
      <p className="incident__meta">
        {resolved && incident.resolved_at ? (
          <span>
            {t('statusPage.fromTo.from')} {when(incident.started_at)} {t('statusPage.fromTo.to')}{' '}
            {when(incident.resolved_at)}
          </span>
        ) : (
          <span>
            {t('statusPage.since')} {when(incident.started_at)}
          </span>
        )}
        {incident.reporter_count ? (
          <span data-testid="reporter-count">{t('statusPage.reportedBy', { count: incident.reporter_count })}</span>
        ) : null}
      </p>
      {affected.length > 0 ? (
        <div className="incident__affected">
          <span className="incident__label">{t('statusPage.affected')}</span>
          <ul>
            {affected.map((item) => (
              <li key={item.id}>
                <span>{item.name ?? t('statusPage.unknownEquipment')}</span>
                {resolved ? null : <StatusBadge status={item.impact} />}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {timeline.length > 0 ? (
        resolved ? (
          <details className="incident__history">
            <summary>{t('statusPage.updates', { count: timeline.length })}</summary>
            <Timeline incident={incident} />
          </details>
        ) : (
          <Timeline incident={incident} />
        )
      ) : null}
    </li>
  );
}

function Timeline({ incident }: { incident: Incident }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  return (
    <ol className="timeline" aria-label={t('statusPage.timelineOf', { title: incident.title })}>
      {(incident.timeline ?? []).map((entry, index) => (
        <li key={`${entry.at}-${index}`}>
          <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
          {entry.status && entry.status_changed !== false ? (
            <span className="timeline__status">{t(`incidentStatus.${entry.status}`)}</span>
          ) : null}
          <span className="timeline__message">{entry.message}</span>
        </li>
      ))}
    </ol>
  );
}
