import { useTranslation } from 'react-i18next';

import { useConsoleCondo } from '@/app/routes/console/console-condo';
import { useCondoDirectory } from '@/app/routes/console/directory';
import { FinanceViews, useFinanceView } from '@/features/finance/components/finance-views';
import { financeTranslations } from '@/features/finance/locales';
import { useDocumentTitle } from '@/hooks/use-document-title';

export const namespaces = [financeTranslations];

/** The condo's expenses: its ledger, its budget per year, and spend against it (`?view=`, `?year=`). */
export default function ExpensesRoute() {
  const { t } = useTranslation('finance');
  const { t: tConsole } = useTranslation('console');
  const { condo, canManage } = useConsoleCondo();
  const { view } = useFinanceView();
  const directory = useCondoDirectory(condo.id, { withMembers: canManage });
  useDocumentTitle(`${t(`page.${view}`)} · ${t('page.title')}`);

  const places = new Map(directory.buildings.flatMap((building) => [[building.id, building.name], ...building.equipment.map((item) => [item.id, item.name] as const)]));
  const placeName = (id: string) => places.get(id) ?? tConsole('common.unknownPerson');

  return (
    <section className="console-page finance" aria-labelledby="finance-title">
      <header className="console-page__header">
        <div>
          <h1 id="finance-title">{t('page.title')}</h1>
          <p className="muted">{t('page.intro')}</p>
        </div>
      </header>
      <FinanceViews
        coproId={condo.id}
        canManage={canManage}
        canReadHistory
        buildings={directory.buildings}
        personName={directory.personName}
        placeName={placeName}
      />
    </section>
  );
}
