import { useTranslation } from 'react-i18next';

import { EQUIPMENT_STATUSES } from '@/types/equipment-status';

/** What the bars of the strips mean: the worse the day, the taller and the darker its bar. */
export function StripLegend({ days }: { days: number }) {
  const { t } = useTranslation();
  return (
    <div className="strip-legend">
      <p>{t('strip.legendIntro', { count: days })}</p>
      <ul>
        {EQUIPMENT_STATUSES.map((status) => (
          <li key={status}>
            <span className={`strip-legend__bar status--${status}`} aria-hidden="true" />
            {t(`status.${status}`)}
          </li>
        ))}
        <li>
          <span className="strip-legend__bar status--none" aria-hidden="true" />
          {t('strip.noData')}
        </li>
      </ul>
    </div>
  );
}
