import type { AccessToken } from '@/features/auth/types';
import { api } from '@/lib/api-client';

export type Credentials = { email: string; password: string };

/** Exchanges credentials for a bearer token (OAuth2 password form: `username` is the email). */
export async function login({ email, password }: Credentials): Promise<AccessToken> {
  const form = new URLSearchParams({ username: email, password });
  const response = await api.post<AccessToken>('/auth/login', form, {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  return response.data;
}
