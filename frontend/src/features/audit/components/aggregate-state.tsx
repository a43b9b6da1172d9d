import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Spinner } from '@/components/ui/spinner';
import type { AggregateThen } from '@/features/audit/api/audit-keys';
import { useAggregateState } from '@/features/audit/api/get-aggregate-state';
import { AuditField, useAuditProblem } from '@/features/audit/components/audit-field';
import { checkInstant, type InstantProblem } from '@/features/audit/components/instant';
import { ApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format-date';

type Kind = 'now' | 'version' | 'at';

/** One aggregate's fields now, at a version, or as they were at an instant. */
export function AggregateStatePanel({ aggregateId, latestVersion }: { aggregateId: string; latestVersion: number }) {
  const { t, i18n } = useTranslation('audit');
  const describe = useAuditProblem();
  const [kind, setKind] = useState<Kind>('now');
  const [version, setVersion] = useState(String(latestVersion));
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<InstantProblem | 'version' | null>(null);
  const [then, setThen] = useState<AggregateThen>(null);
  const instantField = useRef<HTMLInputElement>(null);
  const state = useAggregateState(aggregateId, then);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (kind === 'now') {
      setProblem(null);
      setThen(null);
    } else if (kind === 'version') {
      const chosen = Number(version);
      const fits = Number.isInteger(chosen) && chosen >= 1 && chosen <= latestVersion;
      setProblem(fits ? null : 'version');
      if (fits) setThen({ version: chosen });
      else document.getElementById('state-version')?.focus();
    } else {
      const checked = checkInstant(typed, instantField.current?.validity.badInput ?? false);
      setProblem(checked.problem);
      if (checked.iso) setThen({ at: checked.iso });
      else instantField.current?.focus();
    }
  }

  const noState = state.error instanceof ApiError && state.error.status === 404;
  return (
    <section className="card console-section" aria-labelledby="state-title">
      <h2 id="state-title">{t('aggregate.state')}</h2>
      <p className="muted">{t('aggregate.stateIntro')}</p>
      <form className="aggregate-state__form" onSubmit={submit} noValidate>
        <fieldset className="choice">
          <legend>{t('aggregate.choose')}</legend>
          {(['now', 'version', 'at'] as const).map((candidate) => (
            <div key={candidate} className="radio">
              <input
                id={`state-kind-${candidate}`}
                type="radio"
                name="state-kind"
                checked={kind === candidate}
                onChange={() => {
                  setKind(candidate);
                  setProblem(null);
                }}
              />
              <label htmlFor={`state-kind-${candidate}`}>
                {t(candidate === 'now' ? 'aggregate.now' : candidate === 'version' ? 'aggregate.atVersion' : 'aggregate.atInstant')}
              </label>
            </div>
          ))}
        </fieldset>
        {kind === 'version' ? (
          <AuditField
            id="state-version"
            type="number"
            inputMode="numeric"
            min={1}
            max={latestVersion}
            label={t('aggregate.version')}
            value={version}
            problem={problem === 'version' ? t('aggregate.versionRange', { latest: latestVersion }) : null}
            onChange={(event) => {
              setVersion(event.target.value);
              setProblem(null);
            }}
          />
        ) : null}
        {kind === 'at' ? (
          <AuditField
            ref={instantField}
            id="state-instant"
            type="datetime-local"
            label={t('aggregate.instant')}
            value={typed}
            problem={problem === 'version' ? null : describe(problem)}
            onChange={(event) => {
              setTyped(event.target.value);
              setProblem(null);
            }}
          />
        ) : null}
        <div>
          <button type="submit" className="button button--primary">
            {t('aggregate.show')}
          </button>
        </div>
      </form>
      <div aria-live="polite" aria-busy={state.isFetching}>
        {noState ? <p>{t('aggregate.noState')}</p> : null}
        {state.isPending && !noState ? <Spinner label={t('then.loading')} /> : null}
        {state.data && !noState ? (
          <>
            <p data-testid="state-summary">
              {t('aggregate.summary', {
                version: state.data.version,
                latest: state.data.latest_version,
                time: formatDateTime(state.data.recorded_at, i18n.language),
                event: state.data.last_event_type,
              })}
            </p>
            <div className="figures">
              <table className="figures__stack" data-testid="aggregate-state">
                <caption className="visually-hidden">{t('aggregate.state')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('aggregate.field')}</th>
                    <th scope="col">{t('aggregate.value')}</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(state.data.state).map(([field, value]) => (
                    <tr key={field}>
                      <th scope="row">
                        <code>{field}</code>
                      </th>
                      <td data-label={t('aggregate.value')}>
                        <code className="audit-value">{typeof value === 'string' ? value : JSON.stringify(value)}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
      </div>
    </section>
  );
}
