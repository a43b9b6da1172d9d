import './statistics.css';

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { TextField } from '@/components/ui/form/text-field';
import { checkPeriod } from '@/features/statistics/components/period';
import type { Period } from '@/features/statistics/types';
import { localDay } from '@/lib/local-time';
import type { Problem } from '@/lib/validation';

const KINDS = ['last12', 'year', 'custom'] as const;
// The condo's history reaches back a few years at most: enough years to pick from.
const YEARS_BACK = 6;

/** Chooses the statistics' period: the last 12 months, a calendar year, or any two days. */
export function PeriodPicker({ period, onPeriod }: { period: Period; onPeriod: (period: Period) => void }) {
  const { t } = useTranslation('statistics');
  const thisYear = new Date().getFullYear();
  const [kind, setKind] = useState<Period['kind']>(period.kind);
  const [year, setYear] = useState(period.kind === 'year' ? period.year : thisYear);
  const [from, setFrom] = useState(period.kind === 'custom' ? period.from : localDay(-30));
  const [to, setTo] = useState(period.kind === 'custom' ? period.to : localDay());
  const [problem, setProblem] = useState<Problem | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (kind === 'custom') {
      const found = checkPeriod(from, to);
      setProblem(found);
      if (found) {
        document.getElementById('period-to')?.focus();
        return;
      }
      onPeriod({ kind, from, to });
    } else {
      setProblem(null);
      onPeriod(kind === 'year' ? { kind, year } : { kind });
    }
  }

  return (
    <form className="card period-picker" onSubmit={submit} noValidate>
      <fieldset className="choice">
        <legend>{t('period.legend')}</legend>
        <div className="period-picker__kinds">
          {KINDS.map((candidate) => (
            <div key={candidate} className="radio">
              <input
                id={`period-kind-${candidate}`}
                type="radio"
                name="period"
                value={candidate}
                checked={kind === candidate}
                onChange={() => setKind(candidate)}
              />
              <label htmlFor={`period-kind-${candidate}`}>{t(`period.${candidate}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      {kind === 'year' ? (
        <div className="field period-picker__year">
          <label htmlFor="period-year">{t('period.chooseYear')}</label>
          <select id="period-year" value={year} onChange={(event) => setYear(Number(event.target.value))}>
            {Array.from({ length: YEARS_BACK }, (_, index) => thisYear - index).map((candidate) => (
              <option key={candidate} value={candidate}>
                {candidate}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {kind === 'custom' ? (
        <div className="field-row">
          <TextField id="period-from" type="date" label={t('period.from')} value={from} onChange={(event) => setFrom(event.target.value)} />
          <TextField
            id="period-to"
            type="date"
            label={t('period.to')}
            value={to}
            problem={problem ?? undefined}
            onChange={(event) => {
              setTo(event.target.value);
              setProblem(null);
            }}
          />
        </div>
      ) : null}
      <div>
        <button type="submit" className="button button--primary">
          {t('period.show')}
        </button>
      </div>
    </form>
  );
}
