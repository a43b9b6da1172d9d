import { useEffect, useRef, useState } from 'react';

import { ApiError } from '@/lib/api-client';

export type RequestState<T> =
  | { status: 'loading' }
  | { status: 'success'; data: T }
  | { status: 'error'; error: ApiError };

/**
 * Runs `fetcher` whenever `key` changes (a null key runs nothing) and aborts the previous run,
 * so a slow answer for an old key never overwrites the current one.
 */
export function useRequest<T>(
  key: string | null,
  fetcher: (signal: AbortSignal) => Promise<T>,
): RequestState<T> {
  const [state, setState] = useState<RequestState<T>>({ status: 'loading' });
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetcherRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'success', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(null, null, String(error));
        setState({ status: 'error', error: apiError });
      },
    );
    return () => controller.abort();
  }, [key]);

  return state;
}
