import { memberKeys } from '@/features/members/api/get-members';
import { segment, sendCommand, useCommand, type Receipt } from '@/lib/command';

export function cancelInvitation({ invitationId }: { invitationId: string }): Promise<Receipt> {
  return sendCommand(`/invitations/${segment(invitationId)}/cancel`);
}

/** Withdraws an invitation nobody answered yet. */
export function useCancelInvitation() {
  return useCommand({ send: cancelInvitation, changes: () => [memberKeys.all] });
}
