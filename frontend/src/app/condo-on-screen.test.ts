import { describe, expect, it } from 'vitest';

import { condoOnScreen } from '@/app/condo-on-screen';
import type { CondoRole } from '@/features/auth/types';

const role = (slug: string): CondoRole => ({ copro_id: `id-${slug}`, copro_name: slug, slug, role: 'resident' });

describe('the condo a member’s expenses and statistics links lead to', () => {
  const roles = [role('les-tilleuls'), role('le-parc')];

  it('is the condo of the page on screen when the member belongs to it', () => {
    expect(condoOnScreen(roles, '/c/le-parc')?.slug).toBe('le-parc');
    expect(condoOnScreen(roles, '/c/le-parc/statistics')?.slug).toBe('le-parc');
  });

  it('is the member’s first condo anywhere else, or on a condo they do not belong to', () => {
    expect(condoOnScreen(roles, '/me/tickets')?.slug).toBe('les-tilleuls');
    expect(condoOnScreen(roles, '/c/ailleurs')?.slug).toBe('les-tilleuls');
  });

  it('is none for an account without a condo', () => {
    expect(condoOnScreen([], '/c/le-parc')).toBeNull();
  });
});
