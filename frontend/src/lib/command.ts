import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';

import { api, ApiError } from '@/lib/api-client';
import { notePosition } from '@/lib/read-position';
import type { components } from '@/types/api/command';

/** What every command answers: the thing's id, its new version, and the log position to wait for. */
export type Receipt = components['schemas']['Receipt'];

/** Sends a command (`path` under the API, ids already in it) and answers its receipt. */
export async function sendCommand(path: string, body: unknown = {}): Promise<Receipt> {
  const response = await api.post<Receipt>(path, body);
  return response.data;
}

/** Sends the changed fields of a thing read at `expectedVersion` (PATCH): a newer version
 * answers 409 `version_conflict`, never overwritten. */
export async function sendEdit(path: string, changes: object, expectedVersion: number): Promise<Receipt> {
  const response = await api.patch<Receipt>(path, { ...changes, expected_version: expectedVersion });
  return response.data;
}

/** An id as a path segment. */
export function segment(id: string): string {
  return encodeURIComponent(id);
}

type CommandOptions<Input> = {
  send: (input: Input) => Promise<Receipt>;
  /** The reads this command changes, by key prefix (e.g. `['tickets']`): fetched again, after it. */
  changes: (input: Input) => readonly QueryKey[];
  /** Also fetch again the changed reads no page shows right now (another view of the same page,
   * such as the charts beside a ledger), so switching to them never shows the state before. */
  alsoHidden?: boolean;
};

/**
 * A command as a mutation with read-your-writes: its answer's position is noted (the reads that
 * follow send it as `X-Copro-After`), then the reads it changed are fetched again, so what was
 * just saved is on screen at once.
 */
export function useCommand<Input>({ send, changes, alsoHidden = false }: CommandOptions<Input>) {
  const queryClient = useQueryClient();
  const refetchType = alsoHidden ? 'all' : 'active';
  const refresh = (input: Input) =>
    Promise.all(changes(input).map((queryKey) => queryClient.invalidateQueries({ queryKey, refetchType })));
  return useMutation({
    mutationFn: send,
    onSuccess: async (receipt, input) => {
      notePosition(receipt.position);
      await refresh(input);
    },
    // A refused move (the ticket or incident changed state meanwhile) means what is on screen is
    // stale: it is read again, so the commands offered follow the state it is really in. A
    // version conflict is left to its form, which shows what changed before anything is re-read.
    onError: async (error, input) => {
      if (error instanceof ApiError && error.status === 409 && error.code !== 'version_conflict') await refresh(input);
    },
  });
}

/** Read keys shared across features: the public status page follows every command about equipment. */
export const STATUS_PAGES: QueryKey = ['status'];
