import { describe, expect, it } from 'vitest';

import { appointmentOf, checkNewcomer, EMPTY_MEMBER, invitationOf, listedMembers, pendingSignUps } from '@/features/members/components/member-rules';
import type { Member } from '@/features/members/types';

describe('a newcomer', () => {
  it('is invited with an email and a role only', () => {
    const problems = checkNewcomer({ ...EMPTY_MEMBER, email: 'nina@exemple.fr' }, 'invite');
    expect(Object.values(problems).filter(Boolean)).toEqual([]);
  });

  it('needs names for an account made at once, and a password of 10 characters if one is given', () => {
    const problems = checkNewcomer({ ...EMPTY_MEMBER, email: 'nina@', password: 'court' }, 'create');
    expect(problems.email).toEqual({ kind: 'invalidEmail' });
    expect(problems.first_name).toEqual({ kind: 'required' });
    expect(problems.last_name).toEqual({ kind: 'required' });
    expect(problems.password).toEqual({ kind: 'tooShort', min: 10 });
    expect(checkNewcomer({ ...EMPTY_MEMBER, email: 'nina@exemple.fr', first_name: 'Nina', last_name: 'Roy' }, 'create').password).toBeUndefined();
  });

  it('sends trimmed values, without the optional ones left empty, and the password as typed', () => {
    const values = { ...EMPTY_MEMBER, email: ' nina@exemple.fr ', first_name: ' Nina ', last_name: 'Roy', role: 'manager', lot: ' ', password: ' mot de passe ' };
    expect(invitationOf(values)).toEqual({ email: 'nina@exemple.fr', role: 'manager', building_id: null, lot: null, floor: null });
    expect(appointmentOf(values)).toMatchObject({ first_name: 'Nina', last_name: 'Roy', password: ' mot de passe ' });
    expect(appointmentOf({ ...values, password: '' }).password).toBeNull();
  });
});

describe('the members list', () => {
  const member = (account_id: string, status: Member['status']): Member => ({
    account_id,
    role: 'resident',
    status,
    building_id: null,
    lot: null,
    floor: null,
    granted_at: '2026-01-01T00:00:00Z',
    first_name: 'A',
    last_name: 'B',
    email: `${account_id}@exemple.fr`,
  });

  const everyone = [member('a', 'active'), member('b', 'pending'), member('c', 'deactivated')];
  const ids = (members: Member[]) => members.map((m) => m.account_id);

  it('puts the sign-ups awaiting activation apart', () => {
    expect(ids(pendingSignUps(everyone))).toEqual(['b']);
    expect(ids(listedMembers(everyone, { role: '', status: '' }))).toEqual(['a', 'c']);
    expect(ids(listedMembers(everyone, { role: 'resident', status: '' }))).toEqual(['a', 'c']);
  });

  it('shows exactly the members the API answered once a status is chosen, pending sign-ups too', () => {
    const pending = [member('b', 'pending')];
    expect(ids(listedMembers(pending, { role: '', status: 'pending' }))).toEqual(['b']);
  });
});
