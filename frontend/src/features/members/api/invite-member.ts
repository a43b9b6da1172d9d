import { memberKeys } from '@/features/members/api/get-members';
import { segment, sendCommand, useCommand, type Receipt } from '@/lib/command';
import type { components } from '@/types/api/command';

export type InvitationSending = components['schemas']['InvitationSending'];

export function inviteMember({ coproId, invitation }: { coproId: string; invitation: InvitationSending }): Promise<Receipt> {
  return sendCommand(`/copros/${segment(coproId)}/invitations`, invitation);
}

/** Invites the owner of an email: answered alike whether it has an account or not. */
export function useInviteMember() {
  return useCommand({ send: inviteMember, changes: () => [memberKeys.all] });
}
