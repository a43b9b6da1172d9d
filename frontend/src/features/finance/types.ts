import type { components } from '@/types/api/query';

type Schemas = components['schemas'];

export const EXPENSE_CATEGORIES = [
  'energy',
  'water',
  'cleaning',
  'lift',
  'insurance',
  'repairs',
  'works',
  'management_fees',
  'other',
] as const;

export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

export function isExpenseCategory(value: string): value is ExpenseCategory {
  return (EXPENSE_CATEGORIES as readonly string[]).includes(value);
}

export type Correction = Schemas['ExpenseCorrectionMade'];

export type Expense = Schemas['Expense'];

/** `total_cents` sums the matching expenses that are not voided, on every page. */
export type Ledger = Schemas['Ledger'];

export type LedgerFilter = {
  from: string;
  to: string;
  category: ExpenseCategory | '';
  includeVoided: boolean;
};

export type BudgetState = Schemas['Budget']['state'];

export type BudgetLines = Partial<Record<ExpenseCategory, number>>;

export type BudgetChange = Schemas['BudgetChange'];

export type Budget = Schemas['Budget'];

export type SpendSummary = Schemas['ExpensesSummary'];

export type HistoryEvent = Schemas['AuditEvent'];

export type History = Schemas['Page_AuditEvent_'];
