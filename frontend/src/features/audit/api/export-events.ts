import { useMutation } from '@tanstack/react-query';

import { filterParams } from '@/features/audit/api/audit-keys';
import type { AuditFilters } from '@/features/audit/types';
import { api } from '@/lib/api-client';
import { segment } from '@/lib/command';
import { saveAnswer } from '@/lib/save-answer';

/** The condo's events as JSON Lines (with their hashes), fetched with the visitor's token and
 * handed to the browser as a file. */
export async function exportEvents(coproId: string, filters: AuditFilters): Promise<void> {
  const response = await api.get<Blob>(`/copros/${segment(coproId)}/audit/export.jsonl`, {
    params: filterParams(filters),
    paramsSerializer: { indexes: null },
    responseType: 'blob',
    timeout: 300_000,
  });
  saveAnswer(response, 'events.jsonl');
}

export function useExportEvents(coproId: string) {
  return useMutation({ mutationFn: (filters: AuditFilters) => exportEvents(coproId, filters) });
}
