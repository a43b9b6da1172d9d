/**
 * Times a manager types are in their own time zone (`<input type="datetime-local">` speaks
 * `YYYY-MM-DDTHH:mm` without one); the API speaks UTC ISO 8601. These convert between them.
 */
function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** An API time as the value of a datetime-local input, in this browser's zone. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value as UTC ISO 8601 (with its `Z` offset), or null when it is not a time. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A calendar day (`YYYY-MM-DD`, the value of a date input) at local midnight, as UTC ISO 8601. */
export function startOfLocalDay(day: string): string | null {
  return fromLocalInput(`${day}T00:00`);
}

/** Today plus `days`, as the value of a date input. */
export function localDay(days = 0, from: Date = new Date()): string {
  const date = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
