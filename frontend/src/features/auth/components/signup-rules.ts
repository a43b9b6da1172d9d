import type { SignUp } from '@/features/auth/types';
import { checkEmail, checkText, type Problems, type TextRule } from '@/lib/validation';

export const SIGNUP_FIELDS = ['email', 'password', 'firstName', 'lastName', 'building', 'lot', 'floor'] as const;
export type SignUpField = (typeof SIGNUP_FIELDS)[number];

export type SignUpValues = Record<SignUpField, string>;

export const EMPTY_SIGNUP: SignUpValues = {
  email: '',
  password: '',
  firstName: '',
  lastName: '',
  building: '',
  lot: '',
  floor: '',
};

/** The server's rules (command_api/schemas/accounts.py, PRODUCT.md "Sign-up"). */
export const SIGNUP_RULES = {
  password: { min: 10, max: 200, keepSpaces: true },
  firstName: { min: 1, max: 100 },
  lastName: { min: 1, max: 100 },
  lot: { min: 1, max: 20, optional: true },
  floor: { min: 1, max: 20, optional: true },
} satisfies Partial<Record<SignUpField, TextRule>>;

export function checkSignUp(values: SignUpValues): Problems<SignUpField> {
  const problems: Problems<SignUpField> = {
    email: checkEmail(values.email) ?? undefined,
    password: checkText(values.password, SIGNUP_RULES.password) ?? undefined,
    firstName: checkText(values.firstName, SIGNUP_RULES.firstName) ?? undefined,
    lastName: checkText(values.lastName, SIGNUP_RULES.lastName) ?? undefined,
    building: values.building ? undefined : { kind: 'chooseBuilding' },
    lot: checkText(values.lot, SIGNUP_RULES.lot) ?? undefined,
    floor: checkText(values.floor, SIGNUP_RULES.floor) ?? undefined,
  };
  return Object.fromEntries(Object.entries(problems).filter(([, problem]) => problem)) as Problems<SignUpField>;
}

export function toSignUp(values: SignUpValues, coproId: string): SignUp {
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    email: values.email.trim(),
    password: values.password,
    first_name: values.firstName.trim(),
    last_name: values.lastName.trim(),
    copro_id: coproId,
    building_id: values.building,
    lot: optional(values.lot),
    floor: optional(values.floor),
  };
}

const SERVER_FIELDS: Record<string, SignUpField> = {
  email: 'email',
  password: 'password',
  first_name: 'firstName',
  last_name: 'lastName',
  building_id: 'building',
  lot: 'lot',
  floor: 'floor',
};

export function signUpFieldOf(path: string): SignUpField | null {
  return SERVER_FIELDS[path.split('.')[0]] ?? null;
}
