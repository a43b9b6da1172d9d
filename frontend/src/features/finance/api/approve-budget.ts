import { financeKeys } from '@/features/finance/api/get-expenses';
import { segment, sendCommand, useCommand, type Receipt } from '@/lib/command';

export type ApproveBudgetInput = { coproId: string; year: number; approvedOn: string };

export function approveBudget({ coproId, year, approvedOn }: ApproveBudgetInput): Promise<Receipt> {
  return sendCommand(`/copros/${segment(coproId)}/budgets/${year}/approve`, { approved_on: approvedOn });
}

/** Records the general assembly's approval, on that day: from then on the lines change by amendment. */
export function useApproveBudget() {
  return useCommand({ send: approveBudget, changes: () => [financeKeys.all], alsoHidden: true });
}
