import type { MemberAppointment } from '@/features/members/api/appoint-member';
import { ROLES, type Role } from '@/features/members/api/change-role';
import type { InvitationSending } from '@/features/members/api/invite-member';
import type { Member, MemberFilter } from '@/features/members/types';
import { checkEmail, checkText, placeRefusal, type Problems, type TextRule } from '@/lib/validation';

/** A newcomer's fields: for an invitation only the email, role and home; for an account made
 * at once, the names and an optional password too. */
export const MEMBER_FIELDS = ['email', 'first_name', 'last_name', 'role', 'building_id', 'lot', 'floor', 'password'] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];
export type MemberValues = Record<MemberField, string>;
export type Newcomer = 'invite' | 'create';

export const EMPTY_MEMBER: MemberValues = {
  email: '',
  first_name: '',
  last_name: '',
  role: 'resident',
  building_id: '',
  lot: '',
  floor: '',
  password: '',
};

// The server's rules (command_api/schemas/structure.py MemberAppointment, accounts.py).
export const MEMBER_RULES = {
  first_name: { min: 1, max: 100 },
  last_name: { min: 1, max: 100 },
  lot: { min: 1, max: 20, optional: true },
  floor: { min: 1, max: 20, optional: true },
  password: { min: 10, max: 200, keepSpaces: true, optional: true },
} satisfies Partial<Record<MemberField, TextRule>>;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function checkNewcomer(values: MemberValues, kind: Newcomer): Problems<MemberField> {
  const problems: Problems<MemberField> = {
    email: checkEmail(values.email) ?? undefined,
    role: isRole(values.role) ? undefined : { kind: 'required' },
    lot: checkText(values.lot, MEMBER_RULES.lot) ?? undefined,
    floor: checkText(values.floor, MEMBER_RULES.floor) ?? undefined,
  };
  if (kind === 'create') {
    problems.first_name = checkText(values.first_name, MEMBER_RULES.first_name) ?? undefined;
    problems.last_name = checkText(values.last_name, MEMBER_RULES.last_name) ?? undefined;
    problems.password = checkText(values.password, MEMBER_RULES.password) ?? undefined;
  }
  return problems;
}

function optional(value: string): string | null {
  return value.trim() === '' ? null : value.trim();
}

export function invitationOf(values: MemberValues): InvitationSending {
  return {
    email: values.email.trim(),
    role: values.role as Role,
    building_id: values.building_id || null,
    lot: optional(values.lot),
    floor: optional(values.floor),
  };
}

export function appointmentOf(values: MemberValues): MemberAppointment {
  return {
    ...invitationOf(values),
    first_name: values.first_name.trim(),
    last_name: values.last_name.trim(),
    // A password is taken as typed: spaces are part of it.
    password: values.password === '' ? null : values.password,
  };
}

export function placeNewcomerRefusal(error: unknown) {
  const fieldOf = (path: string): MemberField | null => MEMBER_FIELDS.find((field) => field === path) ?? null;
  return placeRefusal(error, fieldOf, MEMBER_RULES);
}

export const ACCOUNT_STATUSES = ['pending', 'active', 'deactivated'] as const satisfies readonly Member['status'][];

export function isAccountStatus(status: string): status is Member['status'] {
  return (ACCOUNT_STATUSES as readonly string[]).includes(status);
}

/** The sign-ups awaiting activation: the ones a manager acts on first. */
export function pendingSignUps(members: Member[]): Member[] {
  return members.filter((member) => member.status === 'pending');
}

export const NO_MEMBER_FILTER: MemberFilter = { role: '', status: '' };

/** The members the list shows for a filter: with no status chosen, all but the sign-ups awaiting
 * activation (they have a section of their own); with one, exactly those the API answered. */
export function listedMembers(members: Member[], filter: MemberFilter): Member[] {
  return filter.status === '' ? members.filter((member) => member.status !== 'pending') : members;
}
