import type { Me } from '@/features/auth/types';

/** The roles that open a condo's console: managers act, auditors read. */
export const CONSOLE_ROLES = ['manager', 'auditor'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

export function isConsoleRole(role: string | null): role is ConsoleRole {
  return role !== null && (CONSOLE_ROLES as readonly string[]).includes(role);
}

/** The caller's role in a condo, or null outside it. A platform admin manages every condo (the
 * API agrees: it lets them act as a manager anywhere). */
export function roleIn(me: Me, coproId: string): string | null {
  if (me.is_admin) return 'manager';
  return me.roles.find((role) => role.copro_id === coproId)?.role ?? null;
}

/** The condos whose console the caller may open, by name; a platform admin's come from
 * `GET /copros` instead, since they hold no role in them. */
export function consoleCondos(me: Me): { id: string; name: string; role: ConsoleRole }[] {
  return me.roles.flatMap((role) =>
    isConsoleRole(role.role) ? [{ id: role.copro_id, name: role.copro_name, role: role.role }] : [],
  );
}

/** Whether signing in should lead to the console rather than a status page. */
export function opensConsole(me: Me): boolean {
  return me.is_admin || consoleCondos(me).length > 0;
}

/** Whether the account runs the platform (the operators' board): its operators, and its admins,
 * who may do as much. */
export function operates(me: Me): boolean {
  return me.is_admin || me.is_operator;
}
