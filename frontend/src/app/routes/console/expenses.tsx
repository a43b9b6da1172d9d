import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { useConsoleCondo } from '@/app/routes/console/console-condo';
import { useCondoDirectory } from '@/app/routes/console/directory';
import { BudgetPanel } from '@/features/finance/components/budget-panel';
import { ExpenseLedger } from '@/features/finance/components/expense-ledger';
import { SpendCharts } from '@/features/finance/components/spend-charts';
import { YearPicker } from '@/features/finance/components/year-picker';
import { financeTranslations } from '@/features/finance/locales';
import { useDocumentTitle } from '@/hooks/use-document-title';

export const namespaces = [financeTranslations];

const VIEWS = ['ledger', 'budget', 'spend'] as const;
type View = (typeof VIEWS)[number];

/** The condo's expenses: its ledger, its budget per year, and spend against it (`?view=`, `?year=`). */
export default function ExpensesRoute() {
  const { t } = useTranslation('finance');
  const { t: tConsole } = useTranslation('console');
  const { condo, canManage } = useConsoleCondo();
  const [params, setParams] = useSearchParams();
  const view: View = VIEWS.find((candidate) => candidate === params.get('view')) ?? 'ledger';
  const thisYear = new Date().getFullYear();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const directory = useCondoDirectory(condo.id, { withMembers: canManage });
  useDocumentTitle(`${t(`page.${view}`)} · ${t('page.title')}`);

  const places = new Map(directory.buildings.flatMap((building) => [[building.id, building.name], ...building.equipment.map((item) => [item.id, item.name] as const)]));
  const placeName = (id: string) => places.get(id) ?? tConsole('common.unknownPerson');
  const href = (next: View) => `?view=${next}${next === 'ledger' ? '' : `&year=${year}`}`;

  return (
    <section className="console-page finance" aria-labelledby="finance-title">
      <header className="console-page__header">
        <div>
          <h1 id="finance-title">{t('page.title')}</h1>
          <p className="muted">{t('page.intro')}</p>
        </div>
      </header>
      <nav className="segmented" aria-label={t('page.views')}>
        {VIEWS.map((candidate) => (
          <Link key={candidate} to={href(candidate)} aria-current={candidate === view ? 'page' : undefined}>
            {t(`page.${candidate}`)}
          </Link>
        ))}
      </nav>
      {view === 'ledger' ? (
        <ExpenseLedger
          coproId={condo.id}
          canManage={canManage}
          buildings={directory.buildings}
          personName={directory.personName}
          placeName={placeName}
        />
      ) : (
        <>
          <YearPicker year={year} onYear={(chosen) => setParams({ view, year: String(chosen) })} />
          {view === 'budget' ? (
            <BudgetPanel coproId={condo.id} year={year} canManage={canManage} />
          ) : (
            <SpendCharts coproId={condo.id} year={year} />
          )}
        </>
      )}
    </section>
  );
}
