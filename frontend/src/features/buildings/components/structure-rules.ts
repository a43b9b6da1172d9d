import { ApiError } from '@/lib/api-client';
import { checkText, placeRefusal, type Problem, type Problems, type TextRule } from '@/lib/validation';

// The server's rules (command_api/schemas/structure.py, common.py).
export const NAME_RULE: TextRule = { min: 1, max: 100 };
export const DESCRIPTION_RULE: TextRule = { min: 0, max: 2000, multiline: true, optional: true };
export const LOCATION_RULE: TextRule = { min: 1, max: 200, optional: true };
export const NOTE_RULE: TextRule = { min: 1, max: 500, multiline: true, optional: true };
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const LARGEST_ORDER = 10_000;

/** A display order as typed: a whole number from 0 to 10 000 (empty: 0). */
export function parseOrder(value: string): number | null {
  const text = value.trim();
  if (text === '') return 0;
  if (!/^[0-9]+$/.test(text)) return null;
  const order = Number(text);
  return order <= LARGEST_ORDER ? order : null;
}

export function checkOrder(value: string): Problem | null {
  return parseOrder(value) === null ? { kind: 'console', key: 'wholeNumber' } : null;
}

/**
 * An equipment code such as `ASC-A-01`, optional when the equipment has none yet. The server
 * keeps a code once given (an edit cannot clear it), so an edit of a coded one requires it.
 */
export function checkCode(value: string, { required }: { required: boolean }): Problem | null {
  const code = value.trim();
  if (code === '') return required ? { kind: 'required' } : null;
  return CODE.test(code) ? null : { kind: 'console', key: 'invalidCode' };
}

export function checkName(value: string): Problem | null {
  return checkText(value, NAME_RULE);
}

/**
 * A refused structure command as its form shows it: a name or code already taken (409
 * `duplicate_name` naming its field) and a 422's field errors beside their fields; anything
 * else (a conflict, a rule, the network) beside the form's button.
 */
export function placeStructureRefusal<Field extends string>(
  error: unknown,
  fields: readonly Field[],
  rules: Partial<Record<Field, TextRule>>,
): { problems: Problems<Field>; unplaced: unknown } {
  const fieldOf = (path: string): Field | null => fields.find((field) => field === path) ?? null;
  if (error instanceof ApiError && error.code === 'duplicate_name') {
    const field = fieldOf(typeof error.details.field === 'string' ? error.details.field : 'name');
    if (field !== null) {
      const problems: Problems<Field> = {};
      problems[field] = { kind: 'console', key: field === 'code' ? 'duplicateCode' : 'duplicateName' };
      return { problems, unplaced: null };
    }
  }
  return placeRefusal(error, fieldOf, rules);
}
