import { ledgerParams } from '@/features/finance/api/get-expenses';
import type { LedgerFilter } from '@/features/finance/types';
import { api } from '@/lib/api-client';
import { segment } from '@/lib/command';
import { knownPosition } from '@/lib/read-position';
import { saveAnswer } from '@/lib/save-answer';

/**
 * The ledger as CSV, with the same filters as on screen, saved by the browser.
 */
export async function downloadExpensesCsv(coproId: string, filter: LedgerFilter): Promise<string> {
  const response = await api.get<Blob>(`/copros/${segment(coproId)}/expenses.csv`, {
    params: ledgerParams(filter),
    responseType: 'blob',
    headers: { Accept: 'text/csv' },
    after: knownPosition(),
  });
  return saveAnswer(response, 'expenses.csv');
}
