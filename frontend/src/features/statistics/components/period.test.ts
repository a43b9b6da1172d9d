import { describe, expect, it } from 'vitest';

import { busiestDay, checkPeriod, incidentsPerMonth, periodFromSearch, periodParams } from '@/features/statistics/components/period';

describe('the statistics period', () => {
  it('is the last 12 months unless the address names a year or two days', () => {
    expect(periodFromSearch(new URLSearchParams(''))).toEqual({ kind: 'last12' });
    expect(periodFromSearch(new URLSearchParams('year=2025'))).toEqual({ kind: 'year', year: 2025 });
    expect(periodFromSearch(new URLSearchParams('from=2026-01-01&to=2026-03-31'))).toEqual({ kind: 'custom', from: '2026-01-01', to: '2026-03-31' });
    expect(periodFromSearch(new URLSearchParams('from=2026-03-31&to=2026-01-01'))).toEqual({ kind: 'last12' });
  });

  it('asks the API for a calendar year from 1 January to 31 December', () => {
    expect(periodParams({ kind: 'year', year: 2025 })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(periodParams({ kind: 'last12' })).toEqual({});
  });

  it('refuses a custom period that ends before it starts or lasts five years', () => {
    expect(checkPeriod('2026-01-01', '2026-01-01')).toBeNull();
    expect(checkPeriod('2026-02-01', '2026-01-01')).toEqual({ kind: 'console', key: 'toBeforeFrom' });
    expect(checkPeriod('2020-01-01', '2025-01-05')).toEqual({ kind: 'console', key: 'periodTooLong' });
    expect(checkPeriod('2021-01-01', '2025-12-31')).toBeNull();
    expect(checkPeriod('', '2026-01-01')).toEqual({ kind: 'console', key: 'invalidDate' });
  });
});

describe('the figures behind the incidents chart', () => {
  const perDay = { '2026-01-30': 1, '2026-01-31': 2, '2026-02-01': 0, '2026-02-02': 2 };

  it('add up per month', () => {
    expect(incidentsPerMonth(perDay)).toEqual([
      { month: '2026-01', incidents: 3 },
      { month: '2026-02', incidents: 2 },
    ]);
  });

  it('find the earliest of the busiest days, none without incidents', () => {
    expect(busiestDay(perDay)).toEqual({ day: '2026-01-31', incidents: 2 });
    expect(busiestDay({ '2026-01-01': 0 })).toBeNull();
  });
});
