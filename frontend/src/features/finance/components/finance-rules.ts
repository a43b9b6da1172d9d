import type { ExpenseCorrection } from '@/features/finance/api/correct-expense';
import type { ExpenseRecord } from '@/features/finance/api/record-expense';
import { EXPENSE_CATEGORIES, isExpenseCategory, type Budget, type BudgetLines, type Expense, type ExpenseCategory } from '@/features/finance/types';
import { localDay } from '@/lib/local-time';
import { eurosForInput, parseEuros, type AmountProblem } from '@/lib/money';
import { checkText, placeRefusal, type Problem, type Problems, type TextRule } from '@/lib/validation';

// The server's rules (command_api/schemas/finance.py).
export const EXPENSE_RULES = {
  supplier: { min: 1, max: 200 },
  description: { min: 0, max: 2000, multiline: true, optional: true },
  invoice_ref: { min: 1, max: 60, optional: true },
  reason: { min: 3, max: 500, multiline: true },
} satisfies Record<string, TextRule>;

const OPTIONAL_REASON: TextRule = { ...EXPENSE_RULES.reason, optional: true };

export function amountProblem(problem: AmountProblem): Problem {
  switch (problem) {
    case 'required':
      return { kind: 'required' };
    case 'notAnAmount':
      return { kind: 'console', key: 'notAnAmount' };
    case 'tooManyDecimals':
      return { kind: 'console', key: 'tooManyDecimals' };
    case 'notPositive':
      return { kind: 'console', key: 'amountNotPositive' };
    case 'tooLarge':
      return { kind: 'console', key: 'amountTooLarge' };
  }
}

/** A calendar day typed in a date field: complete, and not after today (the server's rule). */
export function checkPastDay(value: string, today: string = localDay()): Problem | null {
  if (value === '') return { kind: 'required' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    return { kind: 'console', key: 'invalidDate' };
  }
  return value > today ? { kind: 'console', key: 'dayInFuture' } : null;
}

// ---- Expenses ------------------------------------------------------------------------------

export const EXPENSE_FIELDS = [
  'date',
  'amount',
  'category',
  'supplier',
  'description',
  'building_id',
  'equipment_id',
  'invoice_ref',
  'reason',
] as const;
export type ExpenseField = (typeof EXPENSE_FIELDS)[number];
export type ExpenseValues = Record<ExpenseField, string>;

export function emptyExpense(today: string = localDay()): ExpenseValues {
  return {
    date: today,
    amount: '',
    category: '',
    supplier: '',
    description: '',
    building_id: '',
    equipment_id: '',
    invoice_ref: '',
    reason: '',
  };
}

/** An expense as its correction form starts: every value as recorded, the amount in euros. */
export function expenseValues(expense: Expense, language: string): ExpenseValues {
  return {
    date: expense.date,
    amount: eurosForInput(expense.amount_cents, language),
    category: expense.category,
    supplier: expense.supplier,
    description: expense.description,
    building_id: expense.building_id ?? '',
    equipment_id: expense.equipment_id ?? '',
    invoice_ref: expense.invoice_ref ?? '',
    reason: '',
  };
}

export function checkExpense(values: ExpenseValues, { correcting }: { correcting: boolean }): Problems<ExpenseField> {
  const amount = parseEuros(values.amount);
  return {
    date: checkPastDay(values.date) ?? undefined,
    amount: 'problem' in amount ? amountProblem(amount.problem) : undefined,
    category: isExpenseCategory(values.category) ? undefined : { kind: 'required' },
    supplier: checkText(values.supplier, EXPENSE_RULES.supplier) ?? undefined,
    description: checkText(values.description, EXPENSE_RULES.description) ?? undefined,
    invoice_ref: checkText(values.invoice_ref, EXPENSE_RULES.invoice_ref) ?? undefined,
    reason: correcting ? (checkText(values.reason, EXPENSE_RULES.reason) ?? undefined) : undefined,
  };
}

function optional(value: string): string | null {
  return value.trim() === '' ? null : value.trim();
}

/** The values of a checked form as the expense they record. */
export function expenseRecordOf(values: ExpenseValues): ExpenseRecord {
  const amount = parseEuros(values.amount);
  return {
    date: values.date,
    amount_cents: 'cents' in amount ? amount.cents : 0,
    category: values.category as ExpenseCategory,
    supplier: values.supplier.trim(),
    description: values.description.trim(),
    building_id: values.building_id || null,
    equipment_id: values.equipment_id || null,
    invoice_ref: optional(values.invoice_ref),
  };
}

/**
 * A correction sends only what changed, with its reason; null when nothing did. `null` clears
 * an optional field (building, equipment, invoice), an empty text clears the description.
 */
export function correctionOf(expense: Expense, values: ExpenseValues): ExpenseCorrection | null {
  const now = expenseRecordOf(values);
  const changes: Partial<ExpenseRecord> = {};
  const keys = ['date', 'amount_cents', 'category', 'supplier', 'description', 'building_id', 'equipment_id', 'invoice_ref'] as const;
  for (const key of keys) {
    if (now[key] !== expense[key]) Object.assign(changes, { [key]: now[key] });
  }
  if (Object.keys(changes).length === 0) return null;
  return { ...changes, reason: values.reason.trim() };
}

const SERVER_FIELDS: Record<string, ExpenseField> = {
  date: 'date',
  amount_cents: 'amount',
  category: 'category',
  supplier: 'supplier',
  description: 'description',
  building_id: 'building_id',
  equipment_id: 'equipment_id',
  invoice_ref: 'invoice_ref',
  reason: 'reason',
};

export function placeExpenseRefusal(error: unknown) {
  return placeRefusal(error, (path) => SERVER_FIELDS[path] ?? null, EXPENSE_RULES);
}

// ---- Budgets -------------------------------------------------------------------------------

export type LineValues = Record<ExpenseCategory, string>;
export type BudgetField = ExpenseCategory | 'reason';

/** A budget's lines as its form starts: the amounts it has, empty for a category it has none of. */
export function lineValues(lines: BudgetLines | undefined, language: string): LineValues {
  return Object.fromEntries(
    EXPENSE_CATEGORIES.map((category) => {
      const cents = lines?.[category];
      return [category, cents === undefined ? '' : eurosForInput(cents, language)];
    }),
  ) as LineValues;
}

export type BudgetCheck = {
  problems: Problems<BudgetField>;
  lines: BudgetLines;
  /** Nothing would change: the form says so rather than sending. */
  unchanged: boolean;
};

/**
 * The budget form's rule. Each line is an amount in euros, 0 allowed, empty meaning "no line".
 * Once the budget is approved its lines change only by an amendment, which says why (3 to 500
 * characters); a provisional budget's revision may say why too.
 */
export function checkBudget(budget: Budget | null, values: LineValues, reason: string): BudgetCheck {
  const problems: Problems<BudgetField> = {};
  const lines: BudgetLines = {};
  for (const category of EXPENSE_CATEGORIES) {
    if (values[category].trim() === '') continue;
    const amount = parseEuros(values[category], { allowZero: true });
    if ('cents' in amount) lines[category] = amount.cents;
    else problems[category] = amount.problem === 'notPositive' ? { kind: 'console', key: 'amountNegative' } : amountProblem(amount.problem);
  }
  const unchanged = budget !== null && sameLines(budget.lines, lines);
  if (!unchanged) {
    const approved = budget?.state === 'approved';
    const found = checkText(reason, approved ? EXPENSE_RULES.reason : OPTIONAL_REASON);
    if (found) problems.reason = found.kind === 'required' ? { kind: 'console', key: 'reasonForAmendment' } : found;
  }
  return { problems, lines, unchanged };
}

function sameLines(before: BudgetLines, after: BudgetLines): boolean {
  return EXPENSE_CATEGORIES.every((category) => before[category] === after[category]);
}

export function totalOf(lines: BudgetLines): number {
  return EXPENSE_CATEGORIES.reduce((sum, category) => sum + (lines[category] ?? 0), 0);
}

/** The categories whose line differs between two versions of a budget. */
export function changedLines(before: BudgetLines, after: BudgetLines): { category: ExpenseCategory; before: number; after: number }[] {
  return EXPENSE_CATEGORIES.filter((category) => (before[category] ?? 0) !== (after[category] ?? 0)).map((category) => ({
    category,
    before: before[category] ?? 0,
    after: after[category] ?? 0,
  }));
}

export function placeBudgetRefusal(error: unknown) {
  return placeRefusal(
    error,
    (path): BudgetField | null => {
      const category = path.startsWith('lines.') ? path.slice('lines.'.length) : null;
      if (category !== null) return isExpenseCategory(category) ? category : null;
      return path === 'reason' ? 'reason' : null;
    },
    { reason: EXPENSE_RULES.reason },
  );
}
