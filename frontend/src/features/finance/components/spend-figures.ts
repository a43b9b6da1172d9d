import { EXPENSE_CATEGORIES, type ExpenseCategory, type SpendSummary } from '@/features/finance/types';

export type SpendFigures = {
  /** Spend from January to the end of each month. */
  cumulative: number[];
  /** The month spending the most, or null for a year without spend. */
  busiestMonth: { month: number; spent_cents: number } | null;
  /** A twelfth of the year's budget, or null without a budget. */
  monthlyBudget: number | null;
  /** Categories that spent more than their line. */
  overBudget: ExpenseCategory[];
};

/** What the charts' summaries say, computed once from the year's summary. */
export function spendFigures(summary: SpendSummary): SpendFigures {
  let running = 0;
  const cumulative = summary.months.map((month) => (running += month.spent_cents));
  const busiest = summary.months.reduce<SpendSummary['months'][number] | null>(
    (best, month) => (month.spent_cents > (best?.spent_cents ?? 0) ? month : best),
    null,
  );
  return {
    cumulative,
    busiestMonth: busiest ? { month: busiest.month, spent_cents: busiest.spent_cents } : null,
    monthlyBudget: summary.total.budget_cents === null ? null : Math.round(summary.total.budget_cents / 12),
    overBudget: EXPENSE_CATEGORIES.filter((category) => {
      const line = summary.categories.find((candidate) => candidate.category === category);
      return line !== undefined && line.remaining_cents !== null && line.remaining_cents < 0;
    }),
  };
}

/** "janvier" / "January", or "janv." / "Jan" for an axis. */
export function monthName(month: number, language: string, width: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(language, { month: width, timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}
