import type { components } from '@/types/api/query';

export type Member = components['schemas']['Member'];

export type Members = components['schemas']['Page_Member_'];

/** "Claire Martin", or null once the person's name was erased. */
export function memberName(member: Member): string | null {
  const name = [member.first_name, member.last_name].filter(Boolean).join(' ');
  return name === '' ? null : name;
}
