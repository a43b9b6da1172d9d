import { useMutation } from '@tanstack/react-query';

import type { Verification } from '@/features/audit/types';
import { api } from '@/lib/api-client';
import { segment } from '@/lib/command';

export async function verifyChains(coproId: string): Promise<Verification> {
  // Walking every chain of a condo takes a while on a long history.
  const response = await api.get<Verification>(`/copros/${segment(coproId)}/audit/verify`, { timeout: 120_000 });
  return response.data;
}

/** Walks the hash chains of the condo's streams when asked (a read, but one an auditor starts
 * and waits for, as a command: it is never cached nor run again by itself). */
export function useVerifyChains(coproId: string) {
  return useMutation({ mutationFn: () => verifyChains(coproId) });
}
