import { memberKeys } from '@/features/members/api/get-members';
import { segment, sendCommand, useCommand, type Receipt } from '@/lib/command';

export function activateAccount({ accountId }: { accountId: string }): Promise<Receipt> {
  return sendCommand(`/accounts/${segment(accountId)}/activate`);
}

/** Lets a pending sign-up of the condo sign in. */
export function useActivateAccount() {
  return useCommand({ send: activateAccount, changes: () => [memberKeys.all] });
}
