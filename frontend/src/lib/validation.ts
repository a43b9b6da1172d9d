import { ApiError, type FieldError } from '@/lib/api-client';
import type { consoleFr } from '@/locales/console/fr';

/**
 * The server's input rules, mirrored so a visitor learns what is wrong before sending, and the
 * server's refusals turned into the same problems. A problem is data, not text: it is worded at
 * render time, in the visitor's current language.
 */
export type Problem =
  | { kind: 'required' }
  | { kind: 'tooShort'; min: number }
  | { kind: 'tooLong'; max: number }
  | { kind: 'controlCharacters' }
  | { kind: 'invalidEmail' }
  | { kind: 'invalidPhone' }
  | { kind: 'chooseEquipment' }
  | { kind: 'chooseBuilding' }
  | { kind: 'rejected' }
  /** A rule of the console's forms, worded by the console's own texts (`problems.<key>`). */
  | { kind: 'console'; key: ConsoleProblem };

export type ConsoleProblem = keyof (typeof consoleFr)['problems'];

export type TextRule = {
  min: number;
  max: number;
  /** Long texts keep their line breaks and tabs; one-line fields refuse them. */
  multiline?: boolean;
  optional?: boolean;
  /** Passwords are taken as typed; every other text is trimmed by the server first. */
  keepSpaces?: boolean;
};

// What the server refuses in any text (copro/fields.py): control characters, lone surrogates,
// line and paragraph separators; long texts may hold newlines and tabs.
const FORBIDDEN = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]/u;
const LAYOUT = /[\n\r\t]/g;

export function hasControlCharacter(value: string, multiline = false): boolean {
  return FORBIDDEN.test(multiline ? value.replace(LAYOUT, '') : value);
}

/** Characters as the server counts them (code points, not UTF-16 units). */
function length(value: string): number {
  return [...value].length;
}

export function checkText(value: string, rule: TextRule): Problem | null {
  const text = rule.keepSpaces ? value : value.trim();
  if (text === '') return rule.optional ? null : { kind: 'required' };
  if (hasControlCharacter(text, rule.multiline)) return { kind: 'controlCharacters' };
  if (length(text) < rule.min) return { kind: 'tooShort', min: rule.min };
  if (length(text) > rule.max) return { kind: 'tooLong', max: rule.max };
  return null;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/u;

export function checkEmail(value: string): Problem | null {
  const email = value.trim();
  if (email === '') return { kind: 'required' };
  if (hasControlCharacter(email)) return { kind: 'controlCharacters' };
  return EMAIL.test(email) ? null : { kind: 'invalidEmail' };
}

// 0 then 1–9 then 8 digits, or +33 then 1–9 then 8 digits; spaces, dots and dashes ignored.
const FRENCH_PHONE = /^(?:0|\+33)[1-9][0-9]{8}$/;

export function checkFrenchPhone(value: string, optional: boolean): Problem | null {
  const phone = value.trim();
  if (phone === '') return optional ? null : { kind: 'required' };
  return FRENCH_PHONE.test(phone.replace(/[ .-]/g, '')) ? null : { kind: 'invalidPhone' };
}

/**
 * What a field error of a 422 means for the visitor. `rule` is the field's own rule, for the
 * lengths the server's message leaves out of its type.
 */
export function problemFromServer(error: FieldError, rule?: TextRule): Problem {
  switch (error.type) {
    case 'missing':
      return { kind: 'required' };
    case 'string_too_short':
      return rule ? { kind: 'tooShort', min: rule.min } : { kind: 'rejected' };
    case 'string_too_long':
      return rule ? { kind: 'tooLong', max: rule.max } : { kind: 'rejected' };
    case 'value_error':
      if (/control character/i.test(error.message)) return { kind: 'controlCharacters' };
      if (/email/i.test(error.field) || /email/i.test(error.message)) return { kind: 'invalidEmail' };
      return { kind: 'rejected' };
    case 'invalid_value':
      if (error.field.endsWith('phone')) return { kind: 'invalidPhone' };
      if (error.field.startsWith('equipment_ids')) return { kind: 'chooseEquipment' };
      return { kind: 'rejected' };
    default:
      return { kind: 'rejected' };
  }
}

/** The problems of a form, by field name; a field without a problem has no entry. */
export type Problems<Field extends string> = Partial<Record<Field, Problem>>;

export function hasProblems<Field extends string>(problems: Problems<Field>): boolean {
  return Object.values(problems).some(Boolean);
}

/**
 * A 422's field errors spread over a form's fields; `fieldOf` names the form field a server path
 * belongs to (null: none, the error is the form's). Answers the problems and whether some error
 * named no field.
 */
export function serverProblems<Field extends string>(
  errors: FieldError[],
  fieldOf: (path: string) => Field | null,
  rules: Partial<Record<Field, TextRule>>,
): { problems: Problems<Field>; unplaced: boolean } {
  const problems: Problems<Field> = {};
  let unplaced = false;
  for (const error of errors) {
    const field = fieldOf(error.field);
    if (field === null) {
      unplaced = true;
    } else if (!problems[field]) {
      problems[field] = problemFromServer(error, rules[field]);
    }
  }
  return { problems, unplaced };
}

/** Why a form was not taken, beyond its fields' problems. */
export type FormFailure =
  | { kind: 'rateLimited'; seconds: number | null }
  | { kind: 'unplaced' }
  | { kind: 'failed' };

/**
 * What a refused submission means for the form: a 422's field errors beside their fields (and
 * `unplaced` when one named no field), a 429 with its wait, anything else a plain failure.
 */
export function refusalOf<Field extends string>(
  error: unknown,
  fieldOf: (path: string) => Field | null,
  rules: Partial<Record<Field, TextRule>>,
): { problems: Problems<Field>; failure: FormFailure | null } {
  const refused = error instanceof ApiError ? error : null;
  if (refused?.status === 422 && refused.fieldErrors.length > 0) {
    const placed = serverProblems(refused.fieldErrors, fieldOf, rules);
    return { problems: placed.problems, failure: placed.unplaced ? { kind: 'unplaced' } : null };
  }
  if (refused?.status === 429) {
    return { problems: {}, failure: { kind: 'rateLimited', seconds: refused.retryAfterSeconds } };
  }
  return { problems: {}, failure: { kind: 'failed' } };
}

/**
 * A refused command as its form shows it: a 422's field errors beside the fields they name, and
 * the refusal itself (to be worded beside the action) when some error named no field of the form
 * or the refusal was not about input at all.
 */
export function placeRefusal<Field extends string>(
  error: unknown,
  fieldOf: (path: string) => Field | null,
  rules: Partial<Record<Field, TextRule>>,
): { problems: Problems<Field>; unplaced: unknown } {
  if (error instanceof ApiError && error.status === 422 && error.fieldErrors.length > 0) {
    const placed = serverProblems(error.fieldErrors, fieldOf, rules);
    return { problems: placed.problems, unplaced: placed.unplaced ? error : null };
  }
  return { problems: {}, unplaced: error };
}
