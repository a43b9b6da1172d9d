import { memberKeys } from '@/features/members/api/get-members';
import { api } from '@/lib/api-client';
import { segment, useCommand, type Receipt } from '@/lib/command';
import type { components } from '@/types/api/command';

export type Role = components['schemas']['Role'];
export const ROLES: readonly Role[] = ['resident', 'manager', 'auditor'];

export type ChangeRoleInput = { coproId: string; accountId: string; role: Role };

export async function changeRole({ coproId, accountId, role }: ChangeRoleInput): Promise<Receipt> {
  const response = await api.put<Receipt>(`/copros/${segment(coproId)}/members/${segment(accountId)}/role`, { role });
  return response.data;
}

/** Gives a member another role; the condo's last manager keeps theirs (409 `last_manager`). */
export function useChangeRole() {
  return useCommand({ send: changeRole, changes: () => [memberKeys.all] });
}
