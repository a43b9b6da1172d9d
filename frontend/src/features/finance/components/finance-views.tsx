import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import type { ChoosableBuilding } from '@/components/ui/form/equipment-choice';
import { BudgetPanel } from '@/features/finance/components/budget-panel';
import { ExpenseLedger } from '@/features/finance/components/expense-ledger';
import { SpendCharts } from '@/features/finance/components/spend-charts';
import { YearPicker } from '@/features/finance/components/year-picker';

export const FINANCE_VIEWS = ['ledger', 'budget', 'spend'] as const;
export type FinanceView = (typeof FINANCE_VIEWS)[number];

/** The view and year the address names (`?view=`, `?year=`), this year by default. */
export function useFinanceView(): { view: FinanceView; year: number; setYear: (year: number) => void } {
  const [params, setParams] = useSearchParams();
  const view: FinanceView = FINANCE_VIEWS.find((candidate) => candidate === params.get('view')) ?? 'ledger';
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : new Date().getFullYear();
  return { view, year, setYear: (chosen) => setParams({ view, year: String(chosen) }) };
}

type FinanceViewsProps = {
  coproId: string;
  /** Managers record, correct and void expenses and set budgets; everyone else reads. */
  canManage: boolean;
  /** An expense's event history is the overseers' (managers, auditors): residents read its marks. */
  canReadHistory: boolean;
  buildings: ChoosableBuilding[];
  personName: (id: string) => string;
  placeName: (id: string) => string;
};

/** The condo's expenses as three views: its ledger, its budget for a year, spend against it. */
export function FinanceViews({ coproId, canManage, canReadHistory, buildings, personName, placeName }: FinanceViewsProps) {
  const { t } = useTranslation('finance');
  const { view, year, setYear } = useFinanceView();
  const href = (next: FinanceView) => `?view=${next}${next === 'ledger' ? '' : `&year=${year}`}`;
  return (
    <>
      <nav className="segmented" aria-label={t('page.views')}>
        {FINANCE_VIEWS.map((candidate) => (
          <Link key={candidate} to={href(candidate)} aria-current={candidate === view ? 'page' : undefined}>
            {t(`page.${candidate}`)}
          </Link>
        ))}
      </nav>
      {view === 'ledger' ? (
        <ExpenseLedger
          coproId={coproId}
          canManage={canManage}
          canReadHistory={canReadHistory}
          buildings={buildings}
          personName={personName}
          placeName={placeName}
        />
      ) : (
        <>
          <YearPicker year={year} onYear={setYear} />
          {view === 'budget' ? (
            <BudgetPanel coproId={coproId} year={year} canManage={canManage} />
          ) : (
            <SpendCharts coproId={coproId} year={year} />
          )}
        </>
      )}
    </>
  );
}
