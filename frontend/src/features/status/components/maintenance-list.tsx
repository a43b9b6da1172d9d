import { useTranslation } from 'react-i18next';

import type { Maintenance } from '@/features/status/types';
import { formatDateTime } from '@/lib/format-date';

type MaintenanceListProps = { title: string; maintenances: Maintenance[] };

export function MaintenanceList({ title, maintenances }: MaintenanceListProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  if (maintenances.length === 0) return null;
  return (
    <>
      <h3 className="subheading">{title}</h3>
      <ul className="maintenance-list">
        {maintenances.map((maintenance) => (
          <li key={maintenance.id} className="card maintenance" data-testid={`maintenance-${maintenance.id}`}>
            <p className="maintenance__title">{maintenance.title}</p>
            {maintenance.starts_at && maintenance.ends_at ? (
              <p className="muted">
                {t('statusPage.window', {
                  start: formatDateTime(maintenance.starts_at, language),
                  end: formatDateTime(maintenance.ends_at, language),
                })}
              </p>
            ) : null}
            {maintenance.description ? <p>{maintenance.description}</p> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
