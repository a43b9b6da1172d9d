/**
 * Money as the API speaks it, integer cents, and as people type and read it: euros with a
 * decimal comma or point. Cents never pass through a float, so 0,1 + 0,2 stays 30 cents.
 */

/** The largest amount the server takes: one hundred million euros (domain/expense.py). */
export const MAX_AMOUNT_CENTS = 100_000_000_00;

export type AmountProblem = 'required' | 'notAnAmount' | 'tooManyDecimals' | 'notPositive' | 'tooLarge';

export type ParsedAmount = { cents: number } | { problem: AmountProblem };

// Spaces people and Intl put between thousands: space, no-break space, narrow no-break space.
const GROUPING_SPACES = /[\s\u00a0\u202f]/g;

/**
 * Euros as typed ("1 234,56", "1234.5", "12", "1.234,56", "1,234.56") in cents. One separator
 * that appears once is the decimal one; with both, the last is decimal and the other groups
 * thousands. "1,234" is refused (three decimals) rather than guessed as a thousand.
 */
export function parseEuros(typed: string, { allowZero = false }: { allowZero?: boolean } = {}): ParsedAmount {
  const text = typed.trim().replace(/\s*€$/u, '').replace(GROUPING_SPACES, '');
  if (text === '') return { problem: 'required' };
  if (text.startsWith('-')) return { problem: 'notPositive' };
  if (!/^[0-9.,]+$/.test(text)) return { problem: 'notAnAmount' };
  const split = splitDecimals(text);
  if (split === null) return { problem: 'notAnAmount' };
  const [whole, decimals] = split;
  if (decimals.length > 2) return { problem: 'tooManyDecimals' };
  // Past the largest amount by its number of digits already: no float ever holds it.
  if (whole.replace(/^0+/, '').length > String(MAX_AMOUNT_CENTS / 100).length) return { problem: 'tooLarge' };
  const cents = Number(whole || '0') * 100 + Number(decimals.padEnd(2, '0'));
  if (cents > MAX_AMOUNT_CENTS) return { problem: 'tooLarge' };
  if (cents === 0 && !allowZero) return { problem: 'notPositive' };
  return { cents };
}

/** The whole and decimal digits of a number typed with grouping and a decimal separator. */
function splitDecimals(text: string): [string, string] | null {
  const lastSeparator = Math.max(text.lastIndexOf(','), text.lastIndexOf('.'));
  if (lastSeparator === -1) return [text, ''];
  const separator = text[lastSeparator];
  const other = separator === ',' ? '.' : ',';
  const occurrences = text.split(separator).length - 1;
  if (occurrences > 1) {
    // "1.234.567": every separator groups thousands, there are no decimals.
    if (text.includes(other)) return null;
    return grouped(text.split(separator)) ? [text.split(separator).join(''), ''] : null;
  }
  const whole = text.slice(0, lastSeparator);
  const decimals = text.slice(lastSeparator + 1);
  if (decimals === '' && whole === '') return null;
  if (whole.includes(other) && !grouped(whole.split(other))) return null;
  return [whole.split(other).join(''), decimals];
}

/** Groups of thousands: a first group of 1–3 digits, then groups of exactly 3. */
function grouped(groups: string[]): boolean {
  const [first, ...rest] = groups;
  return first !== undefined && /^[0-9]{1,3}$/.test(first) && rest.every((group) => /^[0-9]{3}$/.test(group));
}

/** Cents as the visitor reads money: "1 234,56 €" in French, "€1,234.56" in English. */
export function formatEuros(cents: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Cents as a value to edit in a field: "1234,56" in French, "1234.56" in English, no grouping. */
export function eurosForInput(cents: number, language: string): string {
  const whole = Math.floor(cents / 100);
  const rest = String(cents % 100).padStart(2, '0');
  return `${whole}${language.startsWith('fr') ? ',' : '.'}${rest}`;
}
