import Axios, { isAxiosError, type AxiosResponse } from 'axios';

import { env } from '@/config/env';
import { endSession, getAccessToken } from '@/lib/auth-token';
import type { components } from '@/types/api/command';

declare module 'axios' {
  interface AxiosRequestConfig {
    /**
     * A log position this read must reflect (a command's answer, a live event): sent as
     * `X-Copro-After`, the server waits until its read models have passed it.
     */
    after?: number;
  }
}

/** One field the server refused: `field` is a dotted path such as `reporter.phone`. */
export type FieldError = components['schemas']['FieldError'];

/** An API failure reduced to what the interface needs; `status` is null when the server was unreachable. */
export class ApiError extends Error {
  readonly status: number | null;
  readonly code: string | null;
  readonly fieldErrors: FieldError[];
  /** Seconds to wait before trying again (429 and 503 answers). */
  readonly retryAfterSeconds: number | null;
  /** What a refusal says beyond its code: the field a 409 `duplicate_name` names, a
   * `version_conflict`'s `current_version`… (the body's other members). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    status: number | null,
    code: string | null,
    message: string,
    fieldErrors: FieldError[] = [],
    retryAfterSeconds: number | null = null,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.retryAfterSeconds = retryAfterSeconds;
    this.details = details;
  }
}

type ErrorBody = { detail?: unknown; code?: unknown; [more: string]: unknown };

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.field === 'string' && typeof candidate.type === 'string';
}

function retryAfter(response: AxiosResponse): number | null {
  const header: unknown = response.headers['retry-after'];
  const seconds = typeof header === 'string' ? Number.parseInt(header, 10) : Number.NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

function toApiError(error: unknown): ApiError {
  if (isAxiosError<ErrorBody>(error) && error.response) {
    const body: ErrorBody = typeof error.response.data === 'object' && error.response.data !== null ? error.response.data : {};
    const { detail, code: bodyCode, ...details } = body;
    const code = typeof bodyCode === 'string' ? bodyCode : null;
    const fieldErrors = Array.isArray(detail) ? detail.filter(isFieldError) : [];
    const message = typeof detail === 'string' ? detail : error.message;
    return new ApiError(error.response.status, code, message, fieldErrors, retryAfter(error.response), details);
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
  if (config.after !== undefined) config.headers.set('X-Copro-After', String(config.after));
  return config;
});

api.interceptors.response.use(
  (response) => response,
  (error: unknown) => {
    const apiError = toApiError(error);
    // A rejected token is useless from now on: the visitor is signed out and told so.
    const sentToken = isAxiosError(error) && error.config?.headers?.has?.('Authorization');
    if (apiError.status === 401 && sentToken) endSession('expired');
    return Promise.reject(apiError);
  },
);
