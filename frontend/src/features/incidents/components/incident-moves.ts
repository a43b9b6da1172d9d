import type { IncidentStatus } from '@/types/incident-status';

/** domain/incident.py `TRANSITIONS`: where an incident may go from each status. */
const TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  investigating: ['in_progress', 'resolved'],
  in_progress: ['investigating', 'resolved'],
  resolved: ['in_progress', 'closed'],
  closed: [],
};

/** The statuses an update may move the incident to from `status`, and only those. */
export function statusesFrom(status: IncidentStatus): readonly IncidentStatus[] {
  return TRANSITIONS[status];
}

/** A closed incident is final: no update, no edit; only internal comments are still taken. */
export function takesUpdates(status: IncidentStatus): boolean {
  return status !== 'closed';
}

/** What moving from one status to another is called for the person doing it. */
export type IncidentMove = 'startWork' | 'backToInvestigating' | 'resolve' | 'reopen' | 'close';

export function moveName(from: IncidentStatus, to: IncidentStatus): IncidentMove {
  if (to === 'resolved') return 'resolve';
  if (to === 'closed') return 'close';
  if (to === 'investigating') return 'backToInvestigating';
  return from === 'resolved' ? 'reopen' : 'startWork';
}
