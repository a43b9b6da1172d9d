import { describe, expect, it } from 'vitest';

import { checkSignUp, signUpFieldOf, toSignUp, type SignUpValues } from '@/features/auth/components/signup-rules';

const camille: SignUpValues = {
  email: 'camille@example.org',
  password: 'dix-caracteres',
  firstName: 'Camille',
  lastName: 'Durand',
  building: 'building-a',
  lot: '',
  floor: '',
};

describe('the sign-up rules', () => {
  it('accept a complete sign-up without lot or floor', () => {
    expect(checkSignUp(camille)).toEqual({});
  });

  it('need a password of at least 10 characters, spaces included as typed', () => {
    expect(checkSignUp({ ...camille, password: 'neuf-car.' }).password).toEqual({ kind: 'tooShort', min: 10 });
    expect(checkSignUp({ ...camille, password: '          ' }).password).toBeUndefined();
  });

  it('need an email, both names and a building', () => {
    const problems = checkSignUp({ ...camille, email: 'camille', firstName: ' ', lastName: '', building: '' });
    expect(problems).toEqual({
      email: { kind: 'invalidEmail' },
      firstName: { kind: 'required' },
      lastName: { kind: 'required' },
      building: { kind: 'chooseBuilding' },
    });
  });

  it('take lot and floor as optional, 20 characters at most', () => {
    expect(checkSignUp({ ...camille, lot: 'x'.repeat(21) }).lot).toEqual({ kind: 'tooLong', max: 20 });
    expect(checkSignUp({ ...camille, floor: '3e' }).floor).toBeUndefined();
  });

  it('refuse control characters in names', () => {
    expect(checkSignUp({ ...camille, lastName: 'Du\u0008rand' }).lastName).toEqual({ kind: 'controlCharacters' });
  });

  it('send the condo with the building, and no empty lot or floor', () => {
    expect(toSignUp({ ...camille, floor: ' 3 ' }, 'condo-1')).toEqual({
      email: 'camille@example.org',
      password: 'dix-caracteres',
      first_name: 'Camille',
      last_name: 'Durand',
      copro_id: 'condo-1',
      building_id: 'building-a',
      lot: null,
      floor: '3',
    });
  });

  it('place the server’s refusals beside their field', () => {
    expect(signUpFieldOf('first_name')).toBe('firstName');
    expect(signUpFieldOf('building_id')).toBe('building');
    expect(signUpFieldOf('copro_id')).toBeNull();
  });
});
