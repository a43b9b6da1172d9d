import { memberKeys } from '@/features/members/api/get-members';
import { segment, sendCommand, useCommand, type Receipt } from '@/lib/command';
import type { components } from '@/types/api/command';

export type MemberAppointment = components['schemas']['MemberAppointment'];

export function appointMember({ coproId, member }: { coproId: string; member: MemberAppointment }): Promise<Receipt> {
  return sendCommand(`/copros/${segment(coproId)}/members`, member);
}

/** Opens an active account for a new email; an email that has one is invited instead. */
export function useAppointMember() {
  return useCommand({ send: appointMember, changes: () => [memberKeys.all] });
}
