import { describe, expect, it } from 'vitest';

import { monthName, spendFigures } from '@/features/finance/components/spend-figures';
import { EXPENSE_CATEGORIES, type SpendSummary } from '@/features/finance/types';

function summary(spent: number[], budget: Partial<Record<string, number>> | null): SpendSummary {
  const zero = Object.fromEntries(EXPENSE_CATEGORIES.map((category) => [category, 0])) as SpendSummary['months'][number]['by_category'];
  const total = spent.reduce((sum, cents) => sum + cents, 0);
  return {
    year: 2026,
    budget: { state: budget ? 'approved' : 'none', approved_on: null },
    months: spent.map((cents, index) => ({ month: index + 1, spent_cents: cents, by_category: { ...zero, energy: cents } })),
    categories: EXPENSE_CATEGORIES.map((category) => {
      const line = budget ? (budget[category] ?? 0) : null;
      const used = category === 'energy' ? total : 0;
      return { category, budget_cents: line, spent_cents: used, remaining_cents: line === null ? null : line - used };
    }),
    total: {
      budget_cents: budget ? Object.values(budget).reduce<number>((sum, cents) => sum + (cents ?? 0), 0) : null,
      spent_cents: total,
      remaining_cents: null,
    },
  };
}

describe('the figures behind the spend charts', () => {
  it('add up month by month and find the busiest month', () => {
    const figures = spendFigures(summary([100, 300, 0, 250, ...Array(8).fill(0)], { energy: 1200 }));
    expect(figures.cumulative.slice(0, 5)).toEqual([100, 400, 400, 650, 650]);
    expect(figures.busiestMonth).toEqual({ month: 2, spent_cents: 300 });
    expect(figures.monthlyBudget).toBe(100);
    expect(figures.overBudget).toEqual([]);
  });

  it('name the categories over their line, and have no budget line without a budget', () => {
    expect(spendFigures(summary([900, 900, ...Array(10).fill(0)], { energy: 1200 })).overBudget).toEqual(['energy']);
    const none = spendFigures(summary(Array(12).fill(0), null));
    expect(none.monthlyBudget).toBeNull();
    expect(none.busiestMonth).toBeNull();
  });

  it('name months in the visitor’s language', () => {
    expect(monthName(1, 'fr')).toBe('janvier');
    expect(monthName(12, 'en')).toBe('December');
  });
});
