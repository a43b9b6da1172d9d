/**
 * Every date and time the interface shows goes through these, with `Intl`: the API speaks UTC
 * ISO 8601, visitors read their own time zone and language.
 */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

const DAY_STYLES: Record<'long' | 'medium' | 'short', Intl.DateTimeFormatOptions> = {
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  medium: { dateStyle: 'medium', timeZone: 'UTC' },
  short: { day: 'numeric', month: 'short', timeZone: 'UTC' },
};

/** A calendar day given as `YYYY-MM-DD` (the history's UTC days, a ledger's dates), e.g.
 * "mardi 3 mars 2026" (long), "3 mars 2026" (medium), "3 mars" (short). */
export function formatDay(day: string, language: string, style: 'long' | 'medium' | 'short' = 'long'): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(language, DAY_STYLES[style]).format(date);
}

/** A number of minutes as hours and minutes, e.g. "3 h 20 min" (fr) or "3 hr 20 min" (en). */
export function formatMinutes(total: number, language: string): string {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  const unit = (value: number, name: 'hour' | 'minute') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  if (hours === 0) return unit(minutes, 'minute');
  return minutes === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(minutes, 'minute')}`;
}
