import Axios, { isAxiosError } from 'axios';

import { env } from '@/config/env';
import { clearAccessToken, getAccessToken } from '@/lib/auth-token';

/** An API failure reduced to what the interface needs; `status` is null when the server was unreachable. */
export class ApiError extends Error {
  readonly status: number | null;
  readonly code: string | null;

  constructor(status: number | null, code: string | null, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

type ErrorBody = { detail?: unknown; code?: unknown };

function describeDetail(detail: unknown): string | null {
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) return JSON.stringify(detail);
  return null;
}

function toApiError(error: unknown): ApiError {
  if (isAxiosError<ErrorBody>(error) && error.response) {
    const body = error.response.data ?? {};
    const code = typeof body.code === 'string' ? body.code : null;
    return new ApiError(error.response.status, code, describeDetail(body.detail) ?? error.message);
  }
  return new ApiError(null, null, error instanceof Error ? error.message : String(error));
}

export const api = Axios.create({
  baseURL: env.API_URL,
  headers: { Accept: 'application/json' },
  timeout: 15_000,
});

api.interceptors.request.use((config) => {
  const token = getAccessToken();
  if (token) config.headers.set('Authorization', `Bearer ${token}`);
  return config;
});

api.interceptors.response.use(
  (response) => response,
  (error: unknown) => {
    const apiError = toApiError(error);
    // A rejected token is useless from now on: forget it so the visitor is signed out.
    const sentToken = isAxiosError(error) && error.config?.headers?.has?.('Authorization');
    if (apiError.status === 401 && sentToken) clearAccessToken();
    return Promise.reject(apiError);
  },
);
