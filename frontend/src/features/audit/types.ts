import type { components } from '@/types/api/query';

type Schemas = components['schemas'];

export type AuditEvent = Schemas['AuditEvent'];
export type AuditEvents = Schemas['Page_AuditEvent_'];
export type AggregateState = Schemas['AggregateState'];
export type Verification = Schemas['Verification'];
export type ChainBreak = Schemas['ChainBreak'];

/** The event list's filters as the address holds them: `types` as typed (`Recorded` or
 * `Expense.Recorded`), `from` and `to` UTC ISO 8601 instants; empty means no filter. */
export type AuditFilters = {
  type: string;
  aggregateId: string;
  actorId: string;
  from: string;
  to: string;
};

export const NO_FILTERS: AuditFilters = { type: '', aggregateId: '', actorId: '', from: '', to: '' };
