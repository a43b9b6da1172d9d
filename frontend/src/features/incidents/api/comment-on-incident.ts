import { incidentKeys } from '@/features/incidents/api/get-incidents';
import { segment, sendCommand, useCommand } from '@/lib/command';

export type CommentInput = { incidentId: string; text: string };

export function commentOnIncident({ incidentId, text }: CommentInput) {
  return sendCommand(`/incidents/${segment(incidentId)}/comments`, { text });
}

/** An internal note between managers: never on the public page. */
export function useCommentOnIncident() {
  return useCommand({ send: commentOnIncident, changes: ({ incidentId }) => [incidentKeys.one(incidentId)] });
}
