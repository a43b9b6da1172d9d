import type { CondoRole } from '@/features/auth/types';

/** The condo a member's links lead to: the one of the page on screen (`/c/<slug>…`) if they
 * belong to it, else their first; none for an account without a condo. */
export function condoOnScreen(roles: CondoRole[], pathname: string): CondoRole | null {
  const here = /^\/c\/([^/]+)/.exec(pathname)?.[1];
  const slug = here === undefined ? undefined : decodeURIComponent(here);
  return roles.find((role) => role.slug === slug) ?? roles[0] ?? null;
}
