// TODO(api-types): the ledger, its summary, budgets and an aggregate's history answer untyped
// objects in the OpenAPI document today (query_api/views/expenses.py and audit.py give their shapes).

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

export type Correction = { at: string; reason: string; fields: string[] };

export type Expense = {
  id: string;
  /** A calendar day, `YYYY-MM-DD`. */
  date: string;
  amount_cents: number;
  category: ExpenseCategory;
  supplier: string;
  description: string;
  building_id: string | null;
  equipment_id: string | null;
  invoice_ref: string | null;
  recorded_at: string;
  corrected: number;
  corrections: Correction[];
  voided: boolean;
  void_reason: string | null;
  voided_at: string | null;
};

/** `total_cents` sums the matching expenses that are not voided, on every page. */
export type Ledger = { items: Expense[]; total: number; total_cents: number };

export type LedgerFilter = {
  from: string;
  to: string;
  category: ExpenseCategory | '';
  includeVoided: boolean;
};

export type BudgetState = 'provisional' | 'approved';

export type BudgetLines = Partial<Record<ExpenseCategory, number>>;

export type BudgetChange = { at: string; lines: BudgetLines; reason: string | null; version: number };

export type Budget = {
  id: string;
  year: number;
  lines: BudgetLines;
  state: BudgetState;
  approved_on: string | null;
  proposed_at: string;
  updated_at: string;
  total_cents: number;
  revisions: BudgetChange[];
  amendments: BudgetChange[];
};

export type SpendSummary = {
  year: number;
  budget: { state: BudgetState | 'none'; approved_on: string | null };
  months: { month: number; spent_cents: number; by_category: Record<ExpenseCategory, number> }[];
  categories: { category: ExpenseCategory; budget_cents: number | null; spent_cents: number; remaining_cents: number | null }[];
  total: { budget_cents: number | null; spent_cents: number; remaining_cents: number | null };
};

export type HistoryEvent = {
  position: number;
  recorded_at: string;
  aggregate_version: number;
  event_type: string;
  actor_id: string | null;
  data: Record<string, unknown>;
};

export type History = { items: HistoryEvent[]; total: number };
