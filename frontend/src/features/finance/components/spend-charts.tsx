import './finance.css';

import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { Chart } from '@/components/ui/chart/chart';
import { CHART_COLOURS, hatched } from '@/components/ui/chart/chart-style';
import { Figures } from '@/components/ui/chart/figures';
import { LoadFailed } from '@/components/ui/load-failed';
import { Spinner } from '@/components/ui/spinner';
import { useSpendSummary } from '@/features/finance/api/get-summary';
import { monthName, spendFigures, type SpendFigures } from '@/features/finance/components/spend-figures';
import type { SpendSummary } from '@/features/finance/types';
import { formatEuros } from '@/lib/money';

/** The year's spend by month and by category against the budget, as charts with their figures. */
export function SpendCharts({ coproId, year }: { coproId: string; year: number }) {
  const { t } = useTranslation('finance');
  const summary = useSpendSummary(coproId, year);
  if (summary.isPending) return <Spinner label={t('spend.loading')} />;
  if (summary.isError) return <LoadFailed error={summary.error} onRetry={() => void summary.refetch()} />;
  return <Charts summary={summary.data} />;
}

function Charts({ summary }: { summary: SpendSummary }) {
  const { t, i18n } = useTranslation('finance');
  const language = i18n.language;
  const figures = useMemo(() => spendFigures(summary), [summary]);
  const euros = (cents: number) => formatEuros(cents, language);
  const compact = useMemo(
    () => new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 1 }),
    [language],
  );
  const monthly = useMemo(() => monthlyChart(summary, figures, language, compact, t), [summary, figures, language, compact, t]);
  const perCategory = useMemo(() => categoryChart(summary, language, compact, t), [summary, language, compact, t]);
  const year = summary.year;
  const busiest = figures.busiestMonth;
  const over = figures.overBudget.map((category) => t(`category.${category}`));

  return (
    <div className="spend">
      {summary.budget.state === 'none' ? <p className="card console-empty">{t('spend.noBudget', { year })}</p> : null}
      <section className="card console-section" aria-labelledby="spend-month-title">
        <h2 id="spend-month-title">{t('spend.byMonth', { year })}</h2>
        <Chart
          config={monthly}
          testId="chart-by-month"
          loadingLabel={t('spend.chartLoading')}
          summary={
            busiest
              ? t('spend.byMonthSummary', {
                  year,
                  spent: euros(summary.total.spent_cents),
                  month: monthName(busiest.month, language),
                  amount: euros(busiest.spent_cents),
                })
              : t('spend.byMonthEmpty', { year })
          }
        >
          <details>
            <summary>{t('spend.figures')}</summary>
            <Figures label={t('spend.byMonth', { year })}>
              <table data-testid="figures-by-month">
                <caption className="visually-hidden">{t('spend.byMonth', { year })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('spend.month')}</th>
                    <th scope="col" className="number">
                      {t('spend.spent')}
                    </th>
                    <th scope="col" className="number">
                      {t('spend.cumulative')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {summary.months.map((month, index) => (
                    <tr key={month.month}>
                      <th scope="row">{monthName(month.month, language)}</th>
                      <td className="number">{euros(month.spent_cents)}</td>
                      <td className="number">{euros(figures.cumulative[index] ?? 0)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('spend.totalRow')}</th>
                    <td className="number">{euros(summary.total.spent_cents)}</td>
                    <td />
                  </tr>
                </tfoot>
              </table>
            </Figures>
          </details>
        </Chart>
      </section>
      <section className="card console-section" aria-labelledby="spend-category-title">
        <h2 id="spend-category-title">{t('spend.byCategory', { year })}</h2>
        <Chart
          config={perCategory}
          testId="chart-by-category"
          loadingLabel={t('spend.chartLoading')}
          summary={[
            summary.total.budget_cents === null
              ? t('spend.byCategorySummaryNoBudget', { spent: euros(summary.total.spent_cents) })
              : t('spend.byCategorySummary', {
                  spent: euros(summary.total.spent_cents),
                  budget: euros(summary.total.budget_cents),
                  remaining: euros(summary.total.remaining_cents ?? 0),
                }),
            over.length ? t('spend.overBudget', { count: over.length, names: over.join(', ') }) : '',
          ]
            .filter(Boolean)
            .join(' ')}
        >
          <Figures label={t('spend.byCategory', { year })}>
            <table data-testid="figures-by-category" className="figures__stack">
              <caption className="visually-hidden">{t('spend.byCategory', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('spend.category')}</th>
                  <th scope="col" className="number">
                    {t('spend.budget')}
                  </th>
                  <th scope="col" className="number">
                    {t('spend.spent')}
                  </th>
                  <th scope="col" className="number">
                    {t('spend.remaining')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.categories.map((line) => (
                  <tr key={line.category} data-category={line.category}>
                    <th scope="row">{t(`category.${line.category}`)}</th>
                    <td className="number" data-label={t('spend.budget')}>
                      {line.budget_cents === null ? '—' : euros(line.budget_cents)}
                    </td>
                    <td className="number" data-label={t('spend.spent')}>
                      {euros(line.spent_cents)}
                    </td>
                    <td className="number" data-label={t('spend.remaining')}>
                      <Remaining cents={line.remaining_cents} />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('spend.totalRow')}</th>
                  <td className="number" data-label={t('spend.budget')}>
                    {summary.total.budget_cents === null ? '—' : euros(summary.total.budget_cents)}
                  </td>
                  <td className="number" data-label={t('spend.spent')}>
                    {euros(summary.total.spent_cents)}
                  </td>
                  <td className="number" data-label={t('spend.remaining')}>
                    <Remaining cents={summary.total.remaining_cents} />
                  </td>
                </tr>
              </tfoot>
            </table>
          </Figures>
        </Chart>
      </section>
    </div>
  );
}

/** What is left of a budget line; an overspend says so in words, not by colour alone. */
function Remaining({ cents }: { cents: number | null }) {
  const { t, i18n } = useTranslation('finance');
  if (cents === null) return <>—</>;
  if (cents >= 0) return <>{formatEuros(cents, i18n.language)}</>;
  return <strong className="spend__over">{t('spend.over', { amount: formatEuros(-cents, i18n.language) })}</strong>;
}

type Translate = ReturnType<typeof useTranslation<'finance'>>['t'];

function monthlyChart(summary: SpendSummary, figures: SpendFigures, language: string, compact: Intl.NumberFormat, t: Translate): ChartConfiguration<'bar' | 'line'> {
  const labels = summary.months.map((month) => monthName(month.month, language, 'short'));
  const datasets: ChartConfiguration<'bar' | 'line'>['data']['datasets'] = [
    {
      type: 'bar',
      label: t('spend.spent'),
      data: summary.months.map((month) => month.spent_cents / 100),
      backgroundColor: CHART_COLOURS.spent,
    },
  ];
  if (figures.monthlyBudget !== null) {
    datasets.push({
      type: 'line',
      label: t('spend.monthlyBudget'),
      data: summary.months.map(() => (figures.monthlyBudget ?? 0) / 100),
      borderColor: CHART_COLOURS.budget,
      borderDash: [8, 5],
      borderWidth: 2,
      pointRadius: 0,
    });
  }
  return {
    type: 'bar',
    data: { labels, datasets },
    options: {
      scales: { y: { beginAtZero: true, ticks: { callback: (value) => compact.format(Number(value)) } } },
      plugins: { tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''} : ${formatEuros(Math.round((item.parsed.y ?? 0) * 100), language)}` } } },
    },
  };
}

function categoryChart(summary: SpendSummary, language: string, compact: Intl.NumberFormat, t: Translate): ChartConfiguration<'bar'> {
  const hasBudget = summary.total.budget_cents !== null;
  const datasets: ChartConfiguration<'bar'>['data']['datasets'] = [];
  if (hasBudget) {
    datasets.push({
      label: t('spend.budget'),
      data: summary.categories.map((line) => (line.budget_cents ?? 0) / 100),
      // Hatched and outlined, beside the solid spend: the two never differ by colour alone.
      backgroundColor: hatched(CHART_COLOURS.budget),
      borderColor: CHART_COLOURS.budget,
      borderWidth: 2,
    });
  }
  datasets.push({ label: t('spend.spent'), data: summary.categories.map((line) => line.spent_cents / 100), backgroundColor: CHART_COLOURS.spent });
  return {
    type: 'bar',
    data: { labels: summary.categories.map((line) => t(`category.${line.category}`)), datasets },
    options: {
      indexAxis: 'y',
      scales: { x: { beginAtZero: true, ticks: { callback: (value) => compact.format(Number(value)) } } },
      plugins: { tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''} : ${formatEuros(Math.round((item.parsed.x ?? 0) * 100), language)}` } } },
    },
  };
}
