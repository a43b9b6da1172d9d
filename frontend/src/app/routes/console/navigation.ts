import type { ConsoleRole } from '@/app/routes/console/access';
import { paths } from '@/config/paths';

/**
 * The console's parts, in the order the navigation shows them: where each lives, the key of its
 * label in the `console` namespace (`nav.<part>`), and the roles that may open it. Adding a part
 * is one entry here and one route module (see routes.tsx); a role missing from `roles` gets the
 * "not allowed" page on that part's URLs.
 */
export const CONSOLE_NAVIGATION = [
  { part: 'tickets', href: paths.console.tickets.getHref, roles: ['manager'] },
  { part: 'incidents', href: paths.console.incidents.getHref, roles: ['manager', 'auditor'] },
  { part: 'maintenance', href: paths.console.maintenance.getHref, roles: ['manager', 'auditor'] },
  { part: 'buildings', href: paths.console.buildings.getHref, roles: ['manager', 'auditor'] },
  { part: 'members', href: paths.console.members.getHref, roles: ['manager'] },
  { part: 'expenses', href: paths.console.expenses.getHref, roles: ['manager', 'auditor'] },
  { part: 'statistics', href: paths.console.statistics.getHref, roles: ['manager', 'auditor'] },
  { part: 'audit', href: paths.console.audit.getHref, roles: ['manager', 'auditor'] },
] as const satisfies readonly { part: string; href: (coproId: string) => string; roles: readonly ConsoleRole[] }[];

export type ConsolePart = (typeof CONSOLE_NAVIGATION)[number]['part'];

export function mayOpen(part: ConsolePart, role: ConsoleRole): boolean {
  const item = CONSOLE_NAVIGATION.find((candidate) => candidate.part === part);
  return item !== undefined && (item.roles as readonly ConsoleRole[]).includes(role);
}

export function partsFor(role: ConsoleRole) {
  return CONSOLE_NAVIGATION.filter((item) => (item.roles as readonly ConsoleRole[]).includes(role));
}
