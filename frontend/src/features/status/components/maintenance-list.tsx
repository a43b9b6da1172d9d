import { useTranslation } from 'react-i18next';

import type { Maintenance } from '@/features/status/types';
import { formatDateTime } from '@/lib/format-date';

type MaintenanceListProps = { title: string; maintenances: Maintenance[]; empty: string };

export function MaintenanceList({ title, maintenances, empty }: MaintenanceListProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const when = (iso: string) => <time dateTime={iso}>{formatDateTime(iso, language)}</time>;
  return (
    <>
      <h3 className="subheading">{title}</h3>
      {maintenances.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="maintenance-list">
          {maintenances.map((maintenance) => (
            <li key={maintenance.id} className="card maintenance" data-testid={`maintenance-${maintenance.id}`}>
              <p className="maintenance__title">{maintenance.title}</p>
              <p className="muted">
                {t('statusPage.fromTo.from')} {when(maintenance.starts_at)} {t('statusPage.fromTo.to')}{' '}
                {when(maintenance.ends_at)}
              </p>
              {maintenance.equipment && maintenance.equipment.length > 0 ? (
                <p className="small">
                  <span className="incident__label">{t('statusPage.affected')}</span>{' '}
                  {maintenance.equipment.map((item) => item.name ?? t('statusPage.unknownEquipment')).join(', ')}
                </p>
              ) : null}
              {maintenance.description ? <p>{maintenance.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
