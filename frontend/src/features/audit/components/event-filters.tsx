import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { AuditField, useAuditProblem } from '@/features/audit/components/audit-field';
import { checkInstant, isAggregateId, type InstantProblem } from '@/features/audit/components/instant';
import { NO_FILTERS, type AuditFilters } from '@/features/audit/types';
import { toLocalInput } from '@/lib/local-time';

type Problems = Partial<Record<'aggregate' | 'from' | 'to', InstantProblem>>;

/** The event list's filters: type, aggregate, actor and a time range, checked before asking. */
export function EventFilters({ filters, onFilters }: { filters: AuditFilters; onFilters: (filters: AuditFilters) => void }) {
  const { t } = useTranslation('audit');
  const describe = useAuditProblem();
  const [type, setType] = useState(filters.type);
  const [aggregateId, setAggregateId] = useState(filters.aggregateId);
  const [actorId, setActorId] = useState(filters.actorId);
  const [from, setFrom] = useState(filters.from ? toLocalInput(filters.from) : '');
  const [to, setTo] = useState(filters.to ? toLocalInput(filters.to) : '');
  const [problems, setProblems] = useState<Problems>({});
  const fromField = useRef<HTMLInputElement>(null);
  const toField = useRef<HTMLInputElement>(null);

  function instant(value: string, input: HTMLInputElement | null) {
    const badInput = input?.validity.badInput ?? false;
    return value === '' && !badInput ? { iso: '', problem: null } : checkInstant(value, badInput);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Problems = {};
    if (aggregateId.trim() && !isAggregateId(aggregateId)) found.aggregate = 'notId';
    const since = instant(from, fromField.current);
    const until = instant(to, toField.current);
    if (since.problem) found.from = since.problem;
    if (until.problem) found.to = until.problem;
    else if (since.iso && until.iso && until.iso < since.iso) found.to = 'toBeforeFrom';
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`audit-${first}`)?.focus();
      return;
    }
    onFilters({ type: type.trim(), aggregateId: aggregateId.trim(), actorId: actorId.trim(), from: since.iso ?? '', to: until.iso ?? '' });
  }

  function clear() {
    setType('');
    setAggregateId('');
    setActorId('');
    setFrom('');
    setTo('');
    setProblems({});
    onFilters(NO_FILTERS);
  }

  return (
    <form className="card console-section audit-filters" onSubmit={submit} noValidate aria-labelledby="audit-filters-legend">
      <h2 id="audit-filters-legend" className="subheading">
        {t('filters.legend')}
      </h2>
      <div className="audit-filters__fields">
        <AuditField id="audit-type" label={t('filters.type')} hint={t('filters.typeHint')} value={type} onChange={(event) => setType(event.target.value)} />
        <AuditField
          id="audit-aggregate"
          label={t('filters.aggregate')}
          value={aggregateId}
          problem={describe(problems.aggregate ?? null)}
          spellCheck={false}
          onChange={(event) => {
            setAggregateId(event.target.value);
            setProblems((before) => ({ ...before, aggregate: undefined }));
          }}
        />
        <AuditField
          id="audit-actor"
          label={t('filters.actor')}
          hint={t('filters.actorHint')}
          value={actorId}
          spellCheck={false}
          onChange={(event) => setActorId(event.target.value)}
        />
        <AuditField
          ref={fromField}
          id="audit-from"
          type="datetime-local"
          label={t('filters.from')}
          value={from}
          problem={describe(problems.from ?? null)}
          onChange={(event) => {
            setFrom(event.target.value);
            setProblems((before) => ({ ...before, from: undefined }));
          }}
        />
        <AuditField
          ref={toField}
          id="audit-to"
          type="datetime-local"
          label={t('filters.to')}
          value={to}
          problem={describe(problems.to ?? null)}
          onChange={(event) => {
            setTo(event.target.value);
            setProblems((before) => ({ ...before, to: undefined }));
          }}
        />
      </div>
      <div className="audit-filters__actions">
        <button type="submit" className="button button--primary">
          {t('filters.apply')}
        </button>
        <button type="button" className="button" onClick={clear}>
          {t('filters.clear')}
        </button>
      </div>
    </form>
  );
}
