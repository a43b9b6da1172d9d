import './statistics.css';

import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { Chart } from '@/components/ui/chart/chart';
import { CHART_COLOURS } from '@/components/ui/chart/chart-style';
import { Figures } from '@/components/ui/chart/figures';
import { LoadFailed } from '@/components/ui/load-failed';
import { Spinner } from '@/components/ui/spinner';
import { useStatistics } from '@/features/statistics/api/get-statistics';
import { busiestDay, incidentsPerMonth } from '@/features/statistics/components/period';
import type { EquipmentFigures, Period, Statistics } from '@/features/statistics/types';
import { formatDay } from '@/lib/format-date';

type StatisticsViewProps = {
  coproId: string;
  period: Period;
  buildingName: (id: string) => string | null;
};

/** The period's incidents per day as a chart with its figures, each piece of equipment's
 * incidents, time to resolve and availability, and the formula that computes it. */
export function StatisticsView({ coproId, period, buildingName }: StatisticsViewProps) {
  const { t } = useTranslation('statistics');
  const statistics = useStatistics(coproId, period);
  if (statistics.isPending) return <Spinner label={t('page.loading')} />;
  if (statistics.isError) return <LoadFailed error={statistics.error} onRetry={() => void statistics.refetch()} />;
  return <Figured statistics={statistics.data} buildingName={buildingName} />;
}

function Figured({ statistics, buildingName }: { statistics: Statistics; buildingName: (id: string) => string | null }) {
  const { t, i18n } = useTranslation('statistics');
  const language = i18n.language;
  const config = useMemo(() => incidentsChart(statistics, language, t('incidents.label')), [statistics, language, t]);
  const months = useMemo(() => incidentsPerMonth(statistics.incidents_per_day), [statistics]);
  const busiest = busiestDay(statistics.incidents_per_day);
  const summary = [
    statistics.incidents_total === 0 ? t('incidents.none') : t('incidents.summary', { count: statistics.incidents_total }),
    busiest ? t('incidents.busiest', { day: formatDay(busiest.day, language, 'medium'), count: busiest.incidents }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="statistics">
      <p className="statistics__period" data-testid="statistics-period">
        {t('period.shown', { from: formatDay(statistics.from, language, 'medium'), to: formatDay(statistics.to, language, 'medium') })}
      </p>
      <section className="card console-section" aria-labelledby="incidents-per-day-title">
        <h2 id="incidents-per-day-title">{t('incidents.title')}</h2>
        <Chart config={config} summary={summary} loadingLabel={t('page.loading')} testId="chart-incidents">
          <details>
            <summary>{t('incidents.figures')}</summary>
            <Figures label={t('incidents.figures')}>
              <table data-testid="figures-incidents">
                <thead>
                  <tr>
                    <th scope="col">{t('incidents.month')}</th>
                    <th scope="col" className="number">
                      {t('incidents.count')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {months.map((month) => (
                    <tr key={month.month}>
                      <th scope="row">{monthLabel(month.month, language)}</th>
                      <td className="number">{month.incidents}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Figures>
          </details>
        </Chart>
      </section>
      <section className="card console-section" aria-labelledby="per-equipment-title">
        <h2 id="per-equipment-title">{t('equipment.title')}</h2>
        {statistics.equipment.length === 0 ? (
          <p className="muted">{t('equipment.none')}</p>
        ) : (
          <EquipmentTable rows={statistics.equipment} buildingName={buildingName} />
        )}
      </section>
      <Formula published={statistics.formula} />
    </div>
  );
}

function EquipmentTable({ rows, buildingName }: { rows: EquipmentFigures[]; buildingName: (id: string) => string | null }) {
  const { t, i18n } = useTranslation('statistics');
  const language = i18n.language;
  const hours = new Intl.NumberFormat(language, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 2 });
  return (
    <Figures label={t('equipment.caption')}>
      <table data-testid="figures-equipment" className="figures__stack">
        <caption className="visually-hidden">{t('equipment.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('equipment.name')}</th>
            <th scope="col">{t('equipment.building')}</th>
            <th scope="col" className="number">
              {t('equipment.incidents')}
            </th>
            <th scope="col" className="number">
              {t('equipment.mean')}
            </th>
            <th scope="col" className="number">
              {t('equipment.max')}
            </th>
            <th scope="col" className="number">
              {t('equipment.availability')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const unresolved = row.incidents > 0 && row.mean_hours_to_resolve === null;
            return (
              <tr key={row.id} data-equipment={row.id}>
                <th scope="row">
                  {row.name}
                  {row.code ? <span className="muted small reference-inline statistics__code">{row.code}</span> : null}
                  {row.retired ? <span className="muted small"> ({t('equipment.retired')})</span> : null}
                </th>
                <td data-label={t('equipment.building')}>{buildingName(row.building_id) ?? t('equipment.noValue')}</td>
                <td className="number" data-label={t('equipment.incidents')}>
                  {row.incidents}
                </td>
                <td className="number" data-label={t('equipment.mean')}>
                  {row.mean_hours_to_resolve === null ? (unresolved ? t('equipment.unresolved') : t('equipment.noValue')) : hours.format(row.mean_hours_to_resolve)}
                </td>
                <td className="number" data-label={t('equipment.max')}>
                  {row.max_hours_to_resolve === null ? t('equipment.noValue') : hours.format(row.max_hours_to_resolve)}
                </td>
                <td className="number" data-label={t('equipment.availability')}>
                  {row.availability_percent === null ? t('equipment.noValue') : percent.format(row.availability_percent / 100)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Figures>
  );
}

/** How availability is computed, in the visitor's language, and as the service publishes it. */
function Formula({ published }: { published: string }) {
  const { t } = useTranslation('statistics');
  const translated = t('formula.text');
  return (
    <section className="card console-section statistics__formula" aria-labelledby="formula-title" data-testid="formula">
      <h2 id="formula-title">{t('formula.title')}</h2>
      <p>{translated}</p>
      {published !== translated ? (
        <details>
          <summary>{t('formula.published')}</summary>
          <p lang="en">{published}</p>
        </details>
      ) : null}
    </section>
  );
}

/** "janvier 2026" for `2026-01`. */
function monthLabel(month: string, language: string): string {
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

function incidentsChart(statistics: Statistics, language: string, label: string): ChartConfiguration<'bar'> {
  const days = Object.keys(statistics.incidents_per_day).sort();
  return {
    type: 'bar',
    data: {
      labels: days.map((day) => formatDay(day, language, 'short')),
      datasets: [
        {
          label,
          data: days.map((day) => statistics.incidents_per_day[day] ?? 0),
          backgroundColor: CHART_COLOURS.incidents,
          barPercentage: 1,
          categoryPercentage: 1,
          minBarLength: 0,
        },
      ],
    },
    options: {
      plugins: { legend: { display: false } },
      scales: {
        x: { ticks: { autoSkip: true, maxTicksLimit: 12, maxRotation: 0 } },
        y: { beginAtZero: true, ticks: { precision: 0 } },
      },
    },
  };
}
