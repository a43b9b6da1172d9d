import { useTranslation } from 'react-i18next';

import { BuildingSection } from '@/features/status/components/building-section';
import { IncidentList } from '@/features/status/components/incident-list';
import { MaintenanceList } from '@/features/status/components/maintenance-list';
import { OverallBanner } from '@/features/status/components/overall-banner';
import type { StatusPage } from '@/features/status/types';

type StatusPageThenProps = { page: StatusPage };

/** The status page as it was at a past instant (`GET /status/{slug}?at=`): what the public page
 * showed then, with the same pieces, without what only the live page has (its feed, its report
 * button, its daily strips). */
export function StatusPageThen({ page }: StatusPageThenProps) {
  const { t } = useTranslation();
  const { maintenances } = page;
  return (
    <div className="status-page status-page--then" data-testid="status-page-then">
      <OverallBanner status={page.overall_status} buildings={page.buildings} />

      <section className="status-page__section" aria-labelledby="then-open-incidents">
        <h2 id="then-open-incidents">{t('statusPage.openIncidents')}</h2>
        {page.open_incidents.length > 0 ? (
          <IncidentList incidents={page.open_incidents} />
        ) : (
          <p className="muted">{t('statusPage.noOpenIncidents')}</p>
        )}
      </section>

      <section className="status-page__section" aria-labelledby="then-maintenances">
        <h2 id="then-maintenances">{t('statusPage.maintenances')}</h2>
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

      <section className="status-page__section" aria-labelledby="then-equipment">
        <h2 id="then-equipment">{t('statusPage.equipmentHeading')}</h2>
        {page.buildings.map((building) => (
          <BuildingSection key={building.id} building={building} />
        ))}
      </section>
    </div>
  );
}
