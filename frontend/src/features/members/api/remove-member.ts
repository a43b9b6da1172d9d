import { memberKeys } from '@/features/members/api/get-members';
import { segment, sendCommand, useCommand, type Receipt } from '@/lib/command';

export function removeMember({ accountId }: { accountId: string }): Promise<Receipt> {
  return sendCommand(`/accounts/${segment(accountId)}/deactivate`);
}

/** Takes a person out of this condo (a manager's deactivation): their account and other condos stay. */
export function useRemoveMember() {
  return useCommand({ send: removeMember, changes: () => [memberKeys.all] });
}
