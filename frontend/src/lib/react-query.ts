import { QueryClient, type DefaultOptions } from '@tanstack/react-query';

import { ApiError } from '@/lib/api-client';

/** A failed read is tried again only when trying again can help: the server was out of reach,
 * busy, or not caught up yet (503 while waiting for a position). */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!(error instanceof ApiError)) return false;
  return error.status === null || error.status >= 500;
}

export const queryConfig = {
  queries: {
    retry: shouldRetry,
    // The live stream says when the public page changes; focus alone is no reason to refetch.
    refetchOnWindowFocus: false,
    staleTime: 30_000,
  },
} satisfies DefaultOptions;

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: queryConfig });
}
