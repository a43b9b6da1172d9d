import { ledgerParams } from '@/features/finance/api/get-expenses';
import type { LedgerFilter } from '@/features/finance/types';
import { api } from '@/lib/api-client';
import { segment } from '@/lib/command';
import { knownPosition } from '@/lib/read-position';

/** The name the server gives the file (`Content-Disposition`), or ours when it gives none. */
function fileName(disposition: unknown, fallback: string): string {
  const found = typeof disposition === 'string' ? /filename="?([^";]+)"?/.exec(disposition) : null;
  return found?.[1] ?? fallback;
}

/**
 * The ledger as CSV, with the same filters as on screen. A plain link cannot carry the bearer
 * token, so the file is fetched by the API client and handed to the browser to save.
 */
export async function downloadExpensesCsv(coproId: string, filter: LedgerFilter): Promise<string> {
  const response = await api.get<Blob>(`/copros/${segment(coproId)}/expenses.csv`, {
    params: ledgerParams(filter),
    responseType: 'blob',
    headers: { Accept: 'text/csv' },
    after: knownPosition(),
  });
  const name = fileName(response.headers['content-disposition'], 'expenses.csv');
  const url = URL.createObjectURL(response.data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the file once the click is handled; the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return name;
}
