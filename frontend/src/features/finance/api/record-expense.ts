import { financeKeys } from '@/features/finance/api/get-expenses';
import { segment, sendCommand, useCommand, type Receipt } from '@/lib/command';
import type { components } from '@/types/api/command';

export type ExpenseRecord = components['schemas']['ExpenseRecord'];

export function recordExpense({ coproId, expense }: { coproId: string; expense: ExpenseRecord }): Promise<Receipt> {
  return sendCommand(`/copros/${segment(coproId)}/expenses`, expense);
}

/** Records an expense; the ledger, its summary and charts follow. */
export function useRecordExpense() {
  return useCommand({ send: recordExpense, changes: () => [financeKeys.all], alsoHidden: true });
}
