import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { IncidentList } from '@/features/status/components/incident-list';
import { MaintenanceList } from '@/features/status/components/maintenance-list';
import { OverallBanner } from '@/features/status/components/overall-banner';
import type { StatusPage } from '@/features/status/types';

/** What the page says of its moment: the overall banner, the open incidents and the maintenance
 * in progress and planned. The live page and the page at a past instant both show it. */
export function PageNow({ page }: { page: StatusPage }) {
  const { t } = useTranslation();
  const id = useId();
  const { maintenances } = page;
  return (
    <>
      <OverallBanner status={page.overall_status} buildings={page.buildings} />

      <section className="status-page__section" aria-labelledby={`${id}-incidents`}>
        <h2 id={`${id}-incidents`}>{t('statusPage.openIncidents')}</h2>
        {page.open_incidents.length > 0 ? (
          <IncidentList incidents={page.open_incidents} />
        ) : (
          <p className="muted">{t('statusPage.noOpenIncidents')}</p>
        )}
      </section>

      <section className="status-page__section" aria-labelledby={`${id}-maintenances`}>
        <h2 id={`${id}-maintenances`}>{t('statusPage.maintenances')}</h2>
        <MaintenanceList
          title={t('statusPage.maintenanceInProgress')}
          maintenances={maintenances.in_progress}
          empty={t('statusPage.noMaintenanceInProgress')}
        />
        <MaintenanceList
          title={t('statusPage.maintenancePlanned')}
          maintenances={maintenances.planned}
          empty={t('statusPage.noMaintenancePlanned')}
        />
      </section>
    </>
  );
}
