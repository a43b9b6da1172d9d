import { api } from '@/lib/api-client';
import { useRequest } from '@/lib/use-request';

import type { StatusPage } from '@/features/status/types';

export async function getStatusPage(slug: string, signal?: AbortSignal): Promise<StatusPage> {
  const response = await api.get<StatusPage>(`/status/${encodeURIComponent(slug)}`, { signal });
  return response.data;
}

/** The public status page of the condo `slug`; `attempt` changes to fetch it again. */
export function useStatusPage(slug: string, attempt = 0) {
  return useRequest(`${slug}#${attempt}`, (signal) => getStatusPage(slug, signal));
}
