import { useTranslation } from 'react-i18next';

import { StatusBadge } from '@/components/ui/status-badge';
import { AvailabilityStrip } from '@/features/status/components/availability-strip';
import { CategoryIcon } from '@/components/ui/category-icon';
import type { Equipment, HistoryDay } from '@/features/status/types';

const EXPLAINED_REASONS = ['incident', 'maintenance'] as const;

type EquipmentRowProps = {
  equipment: Equipment;
  /** Its last days, once the history is loaded. */
  days?: HistoryDay[];
  incidentTitles?: ReadonlyMap<string, string>;
};

const NO_TITLES: ReadonlyMap<string, string> = new Map();

export function EquipmentRow({ equipment, days, incidentTitles = NO_TITLES }: EquipmentRowProps) {
  const { t } = useTranslation();
  const reason = EXPLAINED_REASONS.find((known) => known === equipment.reason);
  // An outage is never hidden by maintenance: the page shows the outage and notes the work.
  const alsoServiced = equipment.under_maintenance && equipment.reason !== 'maintenance';
  return (
    <li className="equipment-row" data-testid={`equipment-${equipment.id}`}>
      <div className="equipment-row__main">
        <CategoryIcon category={equipment.category} />
        <div className="equipment-row__identity">
          <span className="equipment-row__name">{equipment.name}</span>
          <span className="equipment-row__meta">
            {equipment.code ? <span className="equipment-row__code">{equipment.code}</span> : null}
            {equipment.location ? <span>{equipment.location}</span> : null}
          </span>
          {reason && equipment.status !== 'operational' ? (
            <span className="equipment-row__reason">{t(`reason.${reason}`)}</span>
          ) : null}
          {alsoServiced ? <span className="equipment-row__reason">{t('reason.alsoMaintenance')}</span> : null}
        </div>
        <StatusBadge status={equipment.status} />
      </div>
      {days ? <AvailabilityStrip equipmentName={equipment.name} days={days} incidentTitles={incidentTitles} /> : null}
    </li>
  );
}
