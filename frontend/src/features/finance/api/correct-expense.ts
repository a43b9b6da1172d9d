import { financeKeys } from '@/features/finance/api/get-expenses';
import { segment, sendCommand, useCommand, type Receipt } from '@/lib/command';
import type { components } from '@/types/api/command';

export type ExpenseCorrection = components['schemas']['ExpenseCorrection'];

export function correctExpense({ expenseId, correction }: { expenseId: string; correction: ExpenseCorrection }): Promise<Receipt> {
  return sendCommand(`/expenses/${segment(expenseId)}/corrections`, correction);
}

/** Corrects the fields sent of an expense, saying why; its first record stays in its history. */
export function useCorrectExpense() {
  return useCommand({ send: correctExpense, changes: () => [financeKeys.all], alsoHidden: true });
}
