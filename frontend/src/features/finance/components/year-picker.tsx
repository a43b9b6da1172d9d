import { useTranslation } from 'react-i18next';

// Budgets are set for the years around now: a few past ones to look back, the next to prepare.
const YEARS_BACK = 5;
const YEARS_AHEAD = 2;

/** The fiscal (calendar) year a budget or its spend is about. */
export function YearPicker({ year, onYear }: { year: number; onYear: (year: number) => void }) {
  const { t } = useTranslation('finance');
  const now = new Date().getFullYear();
  const years = Array.from({ length: YEARS_BACK + YEARS_AHEAD + 1 }, (_, index) => now + YEARS_AHEAD - index);
  if (!years.includes(year)) years.push(year);
  return (
    <div className="field year-picker">
      <label htmlFor="finance-year">{t('page.year')}</label>
      <select id="finance-year" value={year} onChange={(event) => onYear(Number(event.target.value))}>
        {years.sort((a, b) => b - a).map((candidate) => (
          <option key={candidate} value={candidate}>
            {candidate}
          </option>
        ))}
      </select>
    </div>
  );
}
