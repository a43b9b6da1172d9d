import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

import { apiUrl } from '@/config/env';
import { statusKeys } from '@/features/status/api/get-status-page';
import { notePosition } from '@/lib/read-position';

/** Whether changes reach the page: `restored` right after a lost connection came back. */
export type LiveState = 'connecting' | 'live' | 'interrupted' | 'restored';

/** A `page` event of the stream: the log position (and ETag) of the page's new state. */
export type PageChange = { position: number; etag: string | null };

// Waits before opening the stream again once the browser gave up on it (it retries by itself
// while the server merely dropped the connection).
const RECONNECT_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
// How long "live updates are back" stays on screen before the quiet "live" mark returns.
const RESTORED_NOTICE_MS = 6_000;

export function statusStreamUrl(slug: string): string {
  return apiUrl(`/status/${encodeURIComponent(slug)}/stream`);
}

export function parsePageChange(data: string): PageChange | null {
  try {
    const parsed = JSON.parse(data) as { position?: unknown; etag?: unknown };
    if (typeof parsed.position !== 'number' || !Number.isSafeInteger(parsed.position)) return null;
    return { position: parsed.position, etag: typeof parsed.etag === 'string' ? parsed.etag : null };
  } catch {
    return null;
  }
}

/**
 * Follows the page's Server-Sent Events: each `page` event refetches the page and its history
 * past the announced position; a lost connection is retried, and once back everything is
 * fetched again (changes may have been missed meanwhile).
 */
export function useStatusPageStream(slug: string): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let reconnect: ReturnType<typeof setTimeout> | undefined;
    let quiet: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let interrupted = false;
    const refresh = () => queryClient.invalidateQueries({ queryKey: statusKeys.all(slug) });

    function open() {
      const current = new EventSource(statusStreamUrl(slug));
      source = current;
      current.addEventListener('open', () => {
        failures = 0;
        if (!interrupted) {
          setState('live');
          return;
        }
        interrupted = false;
        setState('restored');
        void refresh();
        clearTimeout(quiet);
        quiet = setTimeout(() => setState('live'), RESTORED_NOTICE_MS);
      });
      current.addEventListener('page', (event: MessageEvent<string>) => {
        const change = parsePageChange(event.data);
        if (change) notePosition(change.position);
        void refresh();
      });
      current.addEventListener('error', () => {
        interrupted = true;
        clearTimeout(quiet);
        setState('interrupted');
        if (current.readyState !== EventSource.CLOSED) return;
        const delay = RECONNECT_DELAYS_MS[Math.min(failures, RECONNECT_DELAYS_MS.length - 1)];
        failures += 1;
        reconnect = setTimeout(open, delay);
      });
    }

    open();
    return () => {
      clearTimeout(reconnect);
      clearTimeout(quiet);
      source?.close();
    };
  }, [slug, queryClient]);

  return state;
}
