import { describe, expect, it } from 'vitest';

import { checkCode, checkOrder, parseOrder, placeStructureRefusal } from '@/features/buildings/components/structure-rules';
import { ApiError } from '@/lib/api-client';

describe('the display order', () => {
  it('reads a whole number from 0 to 10 000, and nothing typed as 0', () => {
    expect(parseOrder('')).toBe(0);
    expect(parseOrder(' 12 ')).toBe(12);
    expect(parseOrder('10000')).toBe(10_000);
  });

  it('refuses decimals, signs and numbers past 10 000', () => {
    for (const typed of ['1.5', '-1', '+2', '10001', 'deux']) {
      expect(parseOrder(typed)).toBeNull();
      expect(checkOrder(typed)).toEqual({ kind: 'console', key: 'wholeNumber' });
    }
  });
});

describe('an equipment code', () => {
  it('takes letters, digits, dots, dashes and underscores, starting with a letter or digit', () => {
    expect(checkCode('ASC-A-01', { required: false })).toBeNull();
    expect(checkCode('ecs_b.2', { required: false })).toBeNull();
    expect(checkCode('-A', { required: false })).toEqual({ kind: 'console', key: 'invalidCode' });
    expect(checkCode('ASC A', { required: false })).toEqual({ kind: 'console', key: 'invalidCode' });
    expect(checkCode('A'.repeat(41), { required: false })).toEqual({ kind: 'console', key: 'invalidCode' });
  });

  it('may stay empty on new equipment, not once the equipment has one (the server keeps it)', () => {
    expect(checkCode('  ', { required: false })).toBeNull();
    expect(checkCode('', { required: true })).toEqual({ kind: 'required' });
  });
});

describe('a refused structure command', () => {
  const fields = ['name', 'code', 'order'] as const;

  it('puts a duplicate name or code beside the field the 409 names', () => {
    const name = new ApiError(409, 'duplicate_name', 'taken', [], null, { field: 'name' });
    expect(placeStructureRefusal(name, fields, {})).toEqual({
      problems: { name: { kind: 'console', key: 'duplicateName' } },
      unplaced: null,
    });
    const code = new ApiError(409, 'duplicate_name', 'taken', [], null, { field: 'code' });
    expect(placeStructureRefusal(code, fields, {}).problems).toEqual({ code: { kind: 'console', key: 'duplicateCode' } });
  });

  it('puts a 422 beside its field and leaves any other refusal to the button', () => {
    const invalid = new ApiError(422, 'validation_error', 'bad', [{ field: 'order', message: 'too big', type: 'less_than_equal' }]);
    expect(placeStructureRefusal(invalid, fields, {}).problems).toEqual({ order: { kind: 'rejected' } });
    const conflict = new ApiError(409, 'version_conflict', 'changed', [], null, { current_version: 4 });
    expect(placeStructureRefusal(conflict, fields, {})).toEqual({ problems: {}, unplaced: conflict });
  });
});
