import type { AuditFilters } from '@/features/audit/types';

export const auditKeys = {
  all: (coproId: string) => ['audit', coproId] as const,
  events: (coproId: string, filters: AuditFilters, page: number) => ['audit', coproId, 'events', filters, page] as const,
  verification: (coproId: string) => ['audit', coproId, 'verify'] as const,
  history: (aggregateId: string) => ['audit', 'aggregate', aggregateId, 'history'] as const,
  state: (aggregateId: string, then: AggregateThen) => ['audit', 'aggregate', aggregateId, 'state', then] as const,
};

/** Which state of an aggregate: at a version, as it was at an instant, or now. */
export type AggregateThen = { version: number } | { at: string } | null;

/** The filters as the API's parameters: `type` may name several types, separated by commas. */
export function filterParams(filters: AuditFilters): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  const types = filters.type
    .split(',')
    .map((type) => type.trim())
    .filter(Boolean);
  if (types.length > 0) params.type = types;
  if (filters.aggregateId.trim()) params.aggregate_id = filters.aggregateId.trim();
  if (filters.actorId.trim()) params.actor_id = filters.actorId.trim();
  if (filters.from) params.from = filters.from;
  if (filters.to) params.to = filters.to;
  return params;
}
