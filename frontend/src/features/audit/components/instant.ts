import { fromLocalInput } from '@/lib/local-time';

/** What can be wrong with an instant typed in a date-time control. */
export type InstantProblem = 'incomplete' | 'future' | 'toBeforeFrom' | 'beforeCondo' | 'notId';

/** How far back the slider reaches, and its step. */
export const SLIDER_DAYS = 90;
export const HOUR = 3_600_000;
export const SLIDER_HOURS = SLIDER_DAYS * 24;

/**
 * A datetime-local value as UTC ISO 8601, or why it cannot be one: a control the browser finds
 * half typed (`badInput`) or empty is incomplete, an instant after `now` is in the future.
 */
export function checkInstant(
  value: string,
  badInput: boolean,
  now: Date = new Date(),
): { iso: string; problem: null } | { iso: null; problem: InstantProblem } {
  const iso = badInput ? null : fromLocalInput(value);
  if (iso === null) return { iso: null, problem: 'incomplete' };
  if (new Date(iso).getTime() > now.getTime()) return { iso: null, problem: 'future' };
  return { iso, problem: null };
}

/** The slider's position (hours since its oldest instant) of an instant, within its range. */
export function sliderPosition(iso: string, newest: Date): number {
  const oldest = newest.getTime() - SLIDER_HOURS * HOUR;
  const hours = Math.round((new Date(iso).getTime() - oldest) / HOUR);
  return Math.min(SLIDER_HOURS, Math.max(0, hours));
}

/** The instant at a slider position, as UTC ISO 8601 (the newest end is `newest` itself). */
export function sliderInstant(position: number, newest: Date): string {
  if (position >= SLIDER_HOURS) return newest.toISOString();
  return new Date(newest.getTime() - (SLIDER_HOURS - position) * HOUR).toISOString();
}

/** The newest instant the slider reaches: this hour, so that every step is a whole hour and an
 * instant typed on the hour is one the slider stands on. */
export function sliderNewest(now: Date = new Date()): Date {
  return new Date(Math.floor(now.getTime() / HOUR) * HOUR);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isAggregateId(value: string): boolean {
  return UUID.test(value.trim());
}
