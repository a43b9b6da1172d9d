import { useTranslation } from 'react-i18next';

import { BuildingSection } from '@/features/status/components/building-section';
import { PageNow } from '@/features/status/components/page-now';
import type { StatusPage } from '@/features/status/types';

type StatusPageThenProps = { page: StatusPage };

/** The status page as it was at a past instant (`GET /status/{slug}?at=`): what the public page
 * showed then, with the same pieces, without what only the live page has (its feed, its report
 * button, its daily strips). */
export function StatusPageThen({ page }: StatusPageThenProps) {
  const { t } = useTranslation();
  return (
    <div className="status-page status-page--then" data-testid="status-page-then">
      <PageNow page={page} />

      <section className="status-page__section" aria-labelledby="then-equipment">
        <h2 id="then-equipment">{t('statusPage.equipmentHeading')}</h2>
        {page.buildings.map((building) => (
          <BuildingSection key={building.id} building={building} />
        ))}
      </section>
    </div>
  );
}
