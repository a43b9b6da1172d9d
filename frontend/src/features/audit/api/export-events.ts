import { useMutation } from '@tanstack/react-query';

import { filterParams } from '@/features/audit/api/audit-keys';
import type { AuditFilters } from '@/features/audit/types';
import { api } from '@/lib/api-client';
import { segment } from '@/lib/command';

const FILENAME = /filename="([^"]+)"/;

/** The condo's events as JSON Lines (with their hashes), fetched with the visitor's token and
 * handed to the browser as a file. */
export async function exportEvents(coproId: string, filters: AuditFilters): Promise<void> {
  const response = await api.get<Blob>(`/copros/${segment(coproId)}/audit/export.jsonl`, {
    params: filterParams(filters),
    paramsSerializer: { indexes: null },
    responseType: 'blob',
    timeout: 300_000,
  });
  const disposition: unknown = response.headers['content-disposition'];
  const name = (typeof disposition === 'string' ? FILENAME.exec(disposition)?.[1] : undefined) ?? 'events.jsonl';
  const href = URL.createObjectURL(response.data);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export function useExportEvents(coproId: string) {
  return useMutation({ mutationFn: (filters: AuditFilters) => exportEvents(coproId, filters) });
}
