import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

import { StatusBadge } from '@/components/ui/status-badge';
import type { HistoryDay } from '@/features/status/types';
import { formatDay, formatMinutes } from '@/lib/format-date';

type AvailabilityStripProps = {
  equipmentName: string;
  days: HistoryDay[];
  /** Titles of the incidents the page knows (open and resolved in the last 90 days), by id. */
  incidentTitles: ReadonlyMap<string, string>;
};

/**
 * The last days of a piece of equipment as daily bars: colour and height both say how bad the
 * day was. One tab stop per strip; arrows, Home/End and Page Up/Down move between days (roving
 * tabindex), and each day says its date, worst status, time out of service and incidents.
 */
export function AvailabilityStrip({ equipmentName, days, incidentTitles }: AvailabilityStripProps) {
  const { t } = useTranslation();
  const describe = useDayDescription(incidentTitles);
  const hintId = useId();
  const [active, setActive] = useState(days.length - 1);
  const [showDetail, setShowDetail] = useState(false);
  const items = useRef<(HTMLLIElement | null)[]>([]);
  if (days.length === 0) return null;
  const current = days[Math.min(active, days.length - 1)];

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(days.length - 1, index));
    setActive(next);
    items.current[next]?.focus();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLOListElement>) {
    const moves: Record<string, number> = {
      ArrowLeft: active - 1,
      ArrowRight: active + 1,
      Home: 0,
      End: days.length - 1,
      PageUp: active - 7,
      PageDown: active + 7,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  }

  return (
    <div className="strip">
      <p id={hintId} className="visually-hidden">
        {t('strip.keyboardHint')}
      </p>
      <ol
        className="strip__days"
        aria-label={t('strip.label', { name: equipmentName, count: days.length })}
        aria-describedby={hintId}
        onKeyDown={handleKeyDown}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) setShowDetail(false);
        }}
        onMouseLeave={(event) => {
          if (!event.currentTarget.contains(document.activeElement)) setShowDetail(false);
        }}
      >
        {days.map((day, index) => (
          <li
            key={day.date}
            ref={(element) => {
              items.current[index] = element;
            }}
            tabIndex={index === active ? 0 : -1}
            className={`strip__day status--${day.status ?? 'none'}`}
            data-status={day.status ?? 'none'}
            data-date={day.date}
            onFocus={() => {
              setActive(index);
              setShowDetail(true);
            }}
            onMouseEnter={() => {
              setActive(index);
              setShowDetail(true);
            }}
          >
            <span className="strip__bar" aria-hidden="true" />
            <span className="visually-hidden">{describe(day)}</span>
          </li>
        ))}
      </ol>
      <div className="strip__scale" aria-hidden="true">
        <span>{t('strip.daysAgo', { count: days.length })}</span>
        <span>{t('strip.today')}</span>
      </div>
      {showDetail ? <DayDetail day={current} incidentTitles={incidentTitles} /> : null}
    </div>
  );
}

/** What the sighted visitor reads about the day under the pointer or the focus; the same words
 * are in the day itself for screen readers, so this copy is hidden from them. */
function DayDetail({ day, incidentTitles }: { day: HistoryDay; incidentTitles: ReadonlyMap<string, string> }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const titles = day.incident_ids.map((id) => incidentTitles.get(id)).filter((title) => title !== undefined);
  return (
    <div className="strip__detail" aria-hidden="true" data-testid="strip-detail">
      <p className="strip__detail-date">{formatDay(day.date, language)}</p>
      {day.status ? <StatusBadge status={day.status} /> : <p className="muted">{t('strip.noData')}</p>}
      {day.minutes_not_operational > 0 ? (
        <p>{t('strip.outFor', { duration: formatMinutes(day.minutes_not_operational, language) })}</p>
      ) : null}
      {day.incident_ids.length > 0 ? (
        <p>{incidentsText(t, day.incident_ids.length, titles)}</p>
      ) : null}
    </div>
  );
}

/** The sentence a day announces, e.g. "lundi 1 décembre 2026 : Panne majeure, hors service
 * 3 h 20 min, 1 incident : Ascenseur B2 en panne." */
export function useDayDescription(incidentTitles: ReadonlyMap<string, string>): (day: HistoryDay) => string {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  return (day) => {
    const date = formatDay(day.date, language);
    if (day.status === null) return t('strip.dayNoData', { date });
    const parts: string[] = [t(`status.${day.status}`)];
    if (day.minutes_not_operational > 0) {
      parts.push(t('strip.outFor', { duration: formatMinutes(day.minutes_not_operational, language) }));
    }
    const titles = day.incident_ids.map((id) => incidentTitles.get(id)).filter((title) => title !== undefined);
    parts.push(
      day.incident_ids.length === 0
        ? t('strip.noIncident')
        : incidentsText(t, day.incident_ids.length, titles),
    );
    return t('strip.day', { date, summary: parts.join(', ') });
  };
}

function incidentsText(t: TFunction, count: number, titles: string[]): string {
  return titles.length > 0
    ? t('strip.incidentsNamed', { count, titles: titles.join(' ; ') })
    : t('strip.incidents', { count });
}
