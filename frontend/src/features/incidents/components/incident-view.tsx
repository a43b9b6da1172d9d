import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { ChoosableBuilding } from '@/components/ui/form/equipment-choice';
import { IncidentStatusPill } from '@/components/ui/incident-status-pill';
import { StatusBadge } from '@/components/ui/status-badge';
import { useEditIncident } from '@/features/incidents/api/edit-incident';
import { getIncidentAtLeast } from '@/features/incidents/api/get-incident';
import { EditIncidentForm } from '@/features/incidents/components/edit-incident-form';
import { IncidentComments } from '@/features/incidents/components/incident-comments';
import { takesUpdates } from '@/features/incidents/components/incident-moves';
import { IncidentUpdateForm } from '@/features/incidents/components/incident-update-form';
import type { Incident, IncidentUpdate } from '@/features/incidents/types';
import { formatDateTime } from '@/lib/format-date';

type IncidentViewProps = {
  incident: Incident;
  /** Managers act; auditors read. */
  canManage: boolean;
  buildings: ChoosableBuilding[];
  equipmentName: (id: string) => string;
  personName: (id: string) => string;
  listHref: string;
};

/** One incident as the console shows it: what is published, its timeline, and for managers the
 * update, edit and comment commands its status allows. */
export function IncidentView({ incident, canManage, buildings, equipmentName, personName, listHref }: IncidentViewProps) {
  const { t, i18n } = useTranslation('incidents');
  const language = i18n.resolvedLanguage ?? 'fr';
  const [editing, setEditing] = useState(false);
  const edit = useEditIncident();
  const open = takesUpdates(incident.status);
  return (
    <article className="console-page" data-testid="incident-detail">
      <p className="back-link">
        <Link to={listHref}>← {t('incident.back')}</Link>
      </p>
      <header className="console-page__header">
        <h1>{incident.title}</h1>
        <IncidentStatusPill status={incident.status} />
      </header>
      {open ? null : <p className="console__read-only">{t('incident.closedNote')}</p>}
      <div className="managed-ticket__columns">
        <div className="managed-ticket__main">
          {editing && canManage && open ? (
            <section className="card console-section">
              <EditIncidentForm
                incident={incident}
                buildings={buildings}
                equipmentName={equipmentName}
                save={(changes, expectedVersion) => edit.mutateAsync({ incidentId: incident.id, changes, expectedVersion })}
                readAtLeast={(version) => getIncidentAtLeast(incident.id, version)}
                onDone={() => setEditing(false)}
                onCancel={() => setEditing(false)}
              />
            </section>
          ) : (
            <section className="card console-section" aria-labelledby="incident-summary">
              <h2 id="incident-summary" className="visually-hidden">
                {t('incident.message')}
              </h2>
              <dl className="facts">
                <dt>{t('incident.startedAt')}</dt>
                <dd>
                  <time dateTime={incident.started_at}>{formatDateTime(incident.started_at, language)}</time>
                </dd>
                {incident.resolved_at ? (
                  <>
                    <dt>{t('incident.resolvedAt')}</dt>
                    <dd>
                      <time dateTime={incident.resolved_at}>{formatDateTime(incident.resolved_at, language)}</time>
                    </dd>
                  </>
                ) : null}
                {incident.location ? (
                  <>
                    <dt>{t('incident.location')}</dt>
                    <dd>{incident.location}</dd>
                  </>
                ) : null}
                <dt>{t('incident.reports')}</dt>
                <dd>{t('incident.reports', { count: incident.reporter_count })}</dd>
                <dt>{t('incident.version')}</dt>
                <dd data-testid="incident-version">{incident.version}</dd>
              </dl>
              <p className="managed-ticket__description">{incident.message}</p>
              <h3>{t('incident.affected')}</h3>
              <ul className="affected">
                {incident.equipment.map((item) => (
                  <li key={item.id}>
                    <span>{item.name ?? equipmentName(item.id)}</span>
                    <StatusBadge status={item.impact} />
                  </li>
                ))}
              </ul>
              {canManage && open ? (
                <p>
                  <button type="button" className="button" onClick={() => setEditing(true)}>
                    {t('edit.start')}
                  </button>
                </p>
              ) : null}
            </section>
          )}
          <Timeline updates={incident.timeline} />
        </div>
        {canManage ? (
          <aside className="managed-ticket__side">
            {open ? <IncidentUpdateForm incidentId={incident.id} status={incident.status} /> : null}
            <IncidentComments incidentId={incident.id} comments={'comments' in incident ? incident.comments : []} personName={personName} />
          </aside>
        ) : null}
      </div>
    </article>
  );
}

function Timeline({ updates }: { updates: IncidentUpdate[] }) {
  const { t, i18n } = useTranslation('incidents');
  const { t: tCommon } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  return (
    <section className="card console-section" aria-labelledby="incident-timeline">
      <h2 id="incident-timeline">{t('incident.timeline')}</h2>
      {updates.length === 0 ? <p className="muted">{t('incident.noTimeline')}</p> : null}
      <ol className="follow-up">
        {updates.map((update, index) => (
          <li key={`${update.at}-${index}`} className="follow-up__item follow-up__item--reply" data-testid="incident-timeline-entry">
            <p className="follow-up__head">
              <strong>
                {update.status_changed
                  ? t('incident.statusChanged', { status: tCommon(`incidentStatus.${update.status}`) })
                  : t('incident.plainUpdate')}
              </strong>
              <time dateTime={update.at}>{formatDateTime(update.at, language)}</time>
            </p>
            <p className="follow-up__text">{update.message}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
