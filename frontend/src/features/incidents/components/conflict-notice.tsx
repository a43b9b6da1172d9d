import { useTranslation } from 'react-i18next';

import { StatusBadge } from '@/components/ui/status-badge';
import { differences, type ImpactChange } from '@/features/incidents/components/incident-differences';
import { draftOf, type Incident, type IncidentDraft } from '@/features/incidents/types';

type ConflictNoticeProps = {
  /** What the editor started from, and its version. */
  startedFrom: { draft: IncidentDraft; version: number };
  /** The incident as it is now. */
  current: Incident;
  equipmentName: (id: string) => string;
  onTakeCurrent: () => void;
  onKeepMine: () => void;
};

/** Someone saved the incident while it was being edited: nothing was overwritten. Says which
 * version is there now and what changed, field by field, since the editor started. */
export function ConflictNotice({ startedFrom, current, equipmentName, onTakeCurrent, onKeepMine }: ConflictNoticeProps) {
  const { t } = useTranslation('incidents');
  const { t: tFields } = useTranslation('incidents', { keyPrefix: 'fields' });
  const found = differences(startedFrom.draft, draftOf(current));
  return (
    <section className="conflict" role="alert" aria-labelledby="conflict-title" data-testid="conflict">
      <h3 id="conflict-title">{t('conflict.title')}</h3>
      <p>{t('conflict.body', { from: startedFrom.version, current: current.version })}</p>
      {found.length === 0 ? (
        <p>{t('conflict.nothingVisible')}</p>
      ) : (
        <>
          <p>{t('conflict.changed')}</p>
          <dl className="conflict__changes">
            {found.map((difference) => (
              <div key={difference.field} className="conflict__change" data-testid={`conflict-${difference.field}`}>
                <dt>{tFields(difference.field)}</dt>
                {difference.field === 'impacts' ? (
                  <dd>
                    <ul className="conflict__impacts">
                      {difference.changes.map((change) => (
                        <ImpactChangeItem key={change.equipmentId} change={change} name={equipmentName(change.equipmentId)} />
                      ))}
                    </ul>
                  </dd>
                ) : (
                  <dd className="conflict__values">
                    <span>
                      <strong>{t('conflict.before')}</strong> <q>{difference.before}</q>
                    </span>
                    <span>
                      <strong>{t('conflict.now')}</strong> <q>{difference.after}</q>
                    </span>
                  </dd>
                )}
              </div>
            ))}
          </dl>
        </>
      )}
      <div className="actions">
        <button type="button" className="button button--primary" onClick={onTakeCurrent}>
          {t('conflict.takeCurrent')}
        </button>
        <button type="button" className="button" onClick={onKeepMine}>
          {t('conflict.keepMine')}
        </button>
      </div>
    </section>
  );
}

function ImpactChangeItem({ change, name }: { change: ImpactChange; name: string }) {
  const { t } = useTranslation('incidents');
  return (
    <li>
      <strong>{name}</strong>
      <span className="conflict__values">
        <span>
          {t('conflict.before')} {change.before ? <StatusBadge status={change.before} /> : t('conflict.notAffected')}
        </span>
        <span>
          {t('conflict.now')} {change.after ? <StatusBadge status={change.after} /> : t('conflict.notAffected')}
        </span>
      </span>
    </li>
  );
}
