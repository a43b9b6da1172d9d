import type { components } from '@/types/api/query';

export type Member = components['schemas']['Member'];

export type Members = components['schemas']['Page_Member_'];

/** An invitation nobody answered yet: the role and home offered, never whom (it names no email). */
export type PendingInvitation = components['schemas']['PendingInvitation'];

export type PendingInvitations = components['schemas']['Page_PendingInvitation_'];

/** What the members list is narrowed to: one role, one account status, or any ('' ). */
export type MemberFilter = { role: Member['role'] | ''; status: Member['status'] | '' };

/** "Claire Martin", or null once the person's name was erased. */
export function memberName(member: Member): string | null {
  const name = [member.first_name, member.last_name].filter(Boolean).join(' ');
  return name === '' ? null : name;
}
