import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { useConsoleCondo } from '@/app/routes/console/console-condo';
import { useStructure } from '@/features/buildings/api/get-structure';
import { periodFromSearch, periodSearch } from '@/features/statistics/components/period';
import { PeriodPicker } from '@/features/statistics/components/period-picker';
import { StatisticsView } from '@/features/statistics/components/statistics-view';
import { statisticsTranslations } from '@/features/statistics/locales';
import { useDocumentTitle } from '@/hooks/use-document-title';

export const namespaces = [statisticsTranslations];

/** The condo's statistics over a period named by the address (`?year=`, `?from=&to=`). */
export default function StatisticsRoute() {
  const { t } = useTranslation('statistics');
  const { condo } = useConsoleCondo();
  const [params, setParams] = useSearchParams();
  const period = periodFromSearch(params);
  const structure = useStructure(condo.id);
  useDocumentTitle(t('page.title'));
  const names = new Map((structure.data?.buildings ?? []).map((building) => [building.id, building.name]));
  return (
    <section className="console-page" aria-labelledby="statistics-title">
      <header>
        <h1 id="statistics-title">{t('page.title')}</h1>
        <p className="muted">{t('page.intro')}</p>
      </header>
      <PeriodPicker key={params.toString()} period={period} onPeriod={(chosen) => setParams(periodSearch(chosen))} />
      <StatisticsView coproId={condo.id} period={period} buildingName={(id) => names.get(id) ?? null} />
    </section>
  );
}
