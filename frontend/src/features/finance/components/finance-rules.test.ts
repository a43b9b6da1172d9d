import { describe, expect, it } from 'vitest';

import {
  changedLines,
  checkBudget,
  checkExpense,
  checkPastDay,
  correctionOf,
  emptyExpense,
  expenseValues,
  lineValues,
} from '@/features/finance/components/finance-rules';
import type { Budget, Expense } from '@/features/finance/types';

const expense: Expense = {
  id: 'e1',
  date: '2026-05-01',
  amount_cents: 151377,
  category: 'energy',
  supplier: 'EDF Collectivités',
  description: 'Facture 05/2026',
  building_id: null,
  equipment_id: null,
  invoice_ref: 'EDF-202605',
  recorded_at: '2026-05-02T10:00:00Z',
  corrected: 0,
  corrections: [],
  voided: false,
  void_reason: null,
  voided_at: null,
};

function budget(state: Budget['state'], lines: Budget['lines']): Budget {
  return {
    id: 'b1',
    copro_id: 'c1',
    year: 2027,
    lines,
    state,
    approved_on: state === 'approved' ? '2027-01-10' : null,
    proposed_at: '2026-12-01T00:00:00Z',
    updated_at: '2026-12-01T00:00:00Z',
    total_cents: 0,
    revisions: [],
    amendments: [],
  };
}

describe('a day typed for an expense or an approval', () => {
  it('is complete and not after today', () => {
    expect(checkPastDay('2026-12-01', '2026-12-01')).toBeNull();
    expect(checkPastDay('2026-12-02', '2026-12-01')).toEqual({ kind: 'console', key: 'dayInFuture' });
    expect(checkPastDay('', '2026-12-01')).toEqual({ kind: 'required' });
    expect(checkPastDay('2026-13-45', '2026-12-01')).toEqual({ kind: 'console', key: 'invalidDate' });
  });
});

describe('an expense', () => {
  it('names what is missing or wrong beside each field', () => {
    const problems = checkExpense({ ...emptyExpense('2026-12-01'), amount: '12,345', supplier: ' ' }, { correcting: false });
    expect(problems.amount).toEqual({ kind: 'console', key: 'tooManyDecimals' });
    expect(problems.category).toEqual({ kind: 'required' });
    expect(problems.supplier).toEqual({ kind: 'required' });
    expect(problems.reason).toBeUndefined();
  });

  it('is corrected with a reason, sending only the fields that changed', () => {
    const values = { ...expenseValues(expense, 'fr'), amount: '1 613,77', reason: 'Facture rectificative.' };
    expect(checkExpense(values, { correcting: true }).reason).toBeUndefined();
    expect(correctionOf(expense, values)).toEqual({ amount_cents: 161377, reason: 'Facture rectificative.' });
  });

  it('clears an optional field with null and knows when nothing changed', () => {
    expect(correctionOf(expense, { ...expenseValues(expense, 'en'), invoice_ref: ' ', reason: 'Pas de facture.' })).toEqual({
      invoice_ref: null,
      reason: 'Pas de facture.',
    });
    expect(correctionOf(expense, expenseValues(expense, 'en'))).toBeNull();
    expect(checkExpense({ ...expenseValues(expense, 'fr'), reason: 'ok' }, { correcting: true }).reason).toEqual({ kind: 'tooShort', min: 3 });
  });
});

describe('the budget form', () => {
  const typed = (lines: Partial<Record<string, string>>) => ({ ...lineValues(undefined, 'fr'), ...lines });

  it('proposes a new year’s budget without a reason, empty lines left out, 0 allowed', () => {
    const check = checkBudget(null, typed({ energy: '18 540', other: '0' }), '');
    expect(check.problems).toEqual({});
    expect(check.lines).toEqual({ energy: 1854000, other: 0 });
    expect(check.unchanged).toBe(false);
  });

  it('revises a provisional budget without a reason', () => {
    const check = checkBudget(budget('provisional', { energy: 100 }), typed({ energy: '2' }), '');
    expect(check.problems).toEqual({});
  });

  it('asks why once the budget is approved: a change is an amendment', () => {
    const approved = budget('approved', { energy: 1854000 });
    expect(checkBudget(approved, typed({ energy: '20000' }), '').problems).toEqual({
      reason: { kind: 'console', key: 'reasonForAmendment' },
    });
    expect(checkBudget(approved, typed({ energy: '20000' }), 'no').problems.reason).toEqual({ kind: 'tooShort', min: 3 });
    expect(checkBudget(approved, typed({ energy: '20000' }), 'Vote de l’AG extraordinaire.').problems).toEqual({});
  });

  it('says nothing changed instead of sending the same lines, with no reason asked', () => {
    const approved = budget('approved', { energy: 1854000, works: 0 });
    const check = checkBudget(approved, lineValues(approved.lines, 'fr'), '');
    expect(check.unchanged).toBe(true);
    expect(check.problems).toEqual({});
  });

  it('refuses a negative or malformed line beside its category', () => {
    const check = checkBudget(null, typed({ energy: '-5', water: 'beaucoup' }), '');
    expect(check.problems.energy).toEqual({ kind: 'console', key: 'amountNegative' });
    expect(check.problems.water).toEqual({ kind: 'console', key: 'notAnAmount' });
  });

  it('lists what an amendment changed', () => {
    expect(changedLines({ energy: 100, works: 500 }, { energy: 100, works: 3000, other: 10 })).toEqual([
      { category: 'works', before: 500, after: 3000 },
      { category: 'other', before: 0, after: 10 },
    ]);
  });
});
