import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { AuditField, useAuditProblem } from '@/features/audit/components/audit-field';
import {
  checkInstant,
  SLIDER_HOURS,
  sliderInstant,
  sliderNewest,
  sliderPosition,
  type InstantProblem,
} from '@/features/audit/components/instant';
import { formatDateTime } from '@/lib/format-date';
import { toLocalInput } from '@/lib/local-time';

type InstantPickerProps = {
  /** The instant shown now (UTC ISO 8601), or null before one is chosen. */
  instant: string | null;
  onInstant: (iso: string) => void;
  /** The server's refusal of the instant, worded: shown beside the date-time control. */
  refusal?: string | null;
};

// While the slider moves, the page follows once it rests this long on an instant.
const SETTLE_MS = 250;

/**
 * Chooses a past instant: a date-time control (any instant of the past, checked before asking)
 * and a slider over the last 90 days, an hour a step, that names the instant it stands on.
 */
export function InstantPicker({ instant, onInstant, refusal }: InstantPickerProps) {
  const { t, i18n } = useTranslation('audit');
  const describe = useAuditProblem();
  const [newest] = useState(() => sliderNewest());
  const [typed, setTyped] = useState(instant ? toLocalInput(instant) : '');
  const [position, setPosition] = useState(instant ? sliderPosition(instant, newest) : SLIDER_HOURS);
  const [problem, setProblem] = useState<InstantProblem | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const settle = useRef<number | undefined>(undefined);

  // An instant chosen elsewhere (the address, the other control) moves both controls.
  // Not the instants it chose itself, though: the slider may have moved on since.
  const [followed, setFollowed] = useState(instant);
  const [chosen, setChosen] = useState<string | null>(null);
  if (instant !== followed) {
    setFollowed(instant);
    if (instant !== null && instant !== chosen) {
      setTyped(toLocalInput(instant));
      setPosition(sliderPosition(instant, newest));
    }
  }

  useEffect(() => () => window.clearTimeout(settle.current), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkInstant(typed, field.current?.validity.badInput ?? false);
    setProblem(checked.problem);
    if (checked.iso === null) {
      field.current?.focus();
      return;
    }
    onInstant(checked.iso);
  }

  function slide(to: number) {
    setPosition(to);
    setProblem(null);
    const iso = sliderInstant(to, newest);
    setTyped(toLocalInput(iso));
    window.clearTimeout(settle.current);
    settle.current = window.setTimeout(() => {
      setChosen(iso);
      onInstant(iso);
    }, SETTLE_MS);
  }

  const shown = formatDateTime(sliderInstant(position, newest), i18n.language);
  return (
    <form className="card console-section instant-picker" onSubmit={submit} noValidate>
      <div className="instant-picker__typed">
        <AuditField
          ref={field}
          id="then-instant"
          type="datetime-local"
          label={t('then.instant')}
          value={typed}
          problem={describe(problem) ?? refusal}
          onChange={(event) => {
            setTyped(event.target.value);
            setProblem(null);
          }}
        />
        <button type="submit" className="button button--primary">
          {t('then.show')}
        </button>
      </div>
      <div className="field instant-picker__slider">
        <label htmlFor="then-slider">{t('then.slider')}</label>
        <p id="then-slider-hint" className="field__hint">
          {t('then.sliderHint')}
        </p>
        <input
          id="then-slider"
          type="range"
          min={0}
          max={SLIDER_HOURS}
          step={1}
          value={position}
          aria-valuetext={shown}
          aria-describedby="then-slider-hint"
          onChange={(event) => slide(Number(event.target.value))}
          onKeyDown={(event) => {
            // A day a page, as the hint says (browsers move a tenth of the range otherwise).
            if (event.key !== 'PageUp' && event.key !== 'PageDown') return;
            event.preventDefault();
            const to = position + (event.key === 'PageUp' ? 24 : -24);
            slide(Math.min(SLIDER_HOURS, Math.max(0, to)));
          }}
        />
        <div className="instant-picker__ends" aria-hidden="true">
          <span className="instant-picker__oldest">{t('then.oldest')}</span>
          <span className="instant-picker__current">{shown}</span>
          <span className="instant-picker__newest">{t('then.newest')}</span>
        </div>
      </div>
    </form>
  );
}
