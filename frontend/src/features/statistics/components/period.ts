import type { Period } from '@/features/statistics/types';
import type { Problem } from '@/lib/validation';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// The API refuses a period of five years or more (query_api/routes/statistics.py).
const LONGEST_DAYS = 5 * 366;

/** The period as the API's `from` and `to` (both included); none for the last 12 months. */
export function periodParams(period: Period): Record<string, string> {
  switch (period.kind) {
    case 'last12':
      return {};
    case 'year':
      return { from: `${period.year}-01-01`, to: `${period.year}-12-31` };
    case 'custom':
      return { from: period.from, to: period.to };
  }
}

/** The period a page's address names (`?year=2025`, `?from=…&to=…`), the last 12 months otherwise. */
export function periodFromSearch(search: URLSearchParams): Period {
  const year = Number(search.get('year'));
  if (search.has('year') && Number.isInteger(year) && year >= 2000 && year <= 2100) return { kind: 'year', year };
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  if (DAY.test(from) && DAY.test(to) && checkPeriod(from, to) === null) return { kind: 'custom', from, to };
  return { kind: 'last12' };
}

export function periodSearch(period: Period): Record<string, string> {
  switch (period.kind) {
    case 'last12':
      return {};
    case 'year':
      return { year: String(period.year) };
    case 'custom':
      return { from: period.from, to: period.to };
  }
}

function days(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** A custom period's problem, on its end date: incomplete, backwards, or five years or more. */
export function checkPeriod(from: string, to: string): Problem | null {
  if (!DAY.test(from) || !DAY.test(to) || Number.isNaN(days(from, to))) return { kind: 'console', key: 'invalidDate' };
  if (to < from) return { kind: 'console', key: 'toBeforeFrom' };
  if (days(from, to) >= LONGEST_DAYS) return { kind: 'console', key: 'periodTooLong' };
  return null;
}

/** The incidents per day grouped by calendar month (`YYYY-MM`), in order: the chart's figures. */
export function incidentsPerMonth(perDay: Record<string, number>): { month: string; incidents: number }[] {
  const months = new Map<string, number>();
  for (const [day, count] of Object.entries(perDay).sort(([a], [b]) => a.localeCompare(b))) {
    const month = day.slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + count);
  }
  return [...months].map(([month, incidents]) => ({ month, incidents }));
}

/** The day most incidents began, the earliest among equals; null when none did. */
export function busiestDay(perDay: Record<string, number>): { day: string; incidents: number } | null {
  let best: { day: string; incidents: number } | null = null;
  for (const [day, incidents] of Object.entries(perDay).sort(([a], [b]) => a.localeCompare(b))) {
    if (incidents > (best?.incidents ?? 0)) best = { day, incidents };
  }
  return best;
}
