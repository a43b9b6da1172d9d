import { financeKeys } from '@/features/finance/api/get-expenses';
import { segment, sendCommand, useCommand, type Receipt } from '@/lib/command';

export function voidExpense({ expenseId, reason }: { expenseId: string; reason: string }): Promise<Receipt> {
  return sendCommand(`/expenses/${segment(expenseId)}/void`, { reason });
}

/** Voids an expense, saying why: it stays in the ledger's history and counts no more. */
export function useVoidExpense() {
  return useCommand({ send: voidExpense, changes: () => [financeKeys.all], alsoHidden: true });
}
