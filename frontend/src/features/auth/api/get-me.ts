import type { Me } from '@/features/auth/types';
import { api } from '@/lib/api-client';

/** Who the stored token belongs to, and their roles per condo. */
export async function getMe(signal?: AbortSignal): Promise<Me> {
  const response = await api.get<Me>('/auth/me', { signal });
  return response.data;
}
