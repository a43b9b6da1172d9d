import { financeKeys } from '@/features/finance/api/get-expenses';
import type { BudgetLines } from '@/features/finance/types';
import { api } from '@/lib/api-client';
import { segment, useCommand, type Receipt } from '@/lib/command';

export type SetBudgetInput = { coproId: string; year: number; lines: BudgetLines; reason: string | null };

export async function setBudget({ coproId, year, lines, reason }: SetBudgetInput): Promise<Receipt> {
  const response = await api.put<Receipt>(`/copros/${segment(coproId)}/budgets/${year}`, { lines, reason });
  return response.data;
}

/** Proposes the year's budget, revises it while provisional, or amends it once approved (with a reason). */
export function useSetBudget() {
  return useCommand({ send: setBudget, changes: () => [financeKeys.all], alsoHidden: true });
}
