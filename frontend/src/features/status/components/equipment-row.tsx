import { useTranslation } from 'react-i18next';

import { StatusBadge } from '@/components/ui/status-badge';
import { CategoryIcon } from '@/features/status/components/category-icon';
import type { Equipment } from '@/features/status/types';

const EXPLAINED_REASONS = ['incident', 'maintenance'] as const;

type EquipmentRowProps = { equipment: Equipment };

export function EquipmentRow({ equipment }: EquipmentRowProps) {
  const { t } = useTranslation();
  const reason = EXPLAINED_REASONS.find((known) => known === equipment.reason);
  return (
    <li className="equipment-row" data-testid={`equipment-${equipment.id}`}>
      <CategoryIcon category={equipment.category} />
      <div className="equipment-row__identity">
        <span className="equipment-row__name">{equipment.name}</span>
        <span className="equipment-row__meta">
          <span className="equipment-row__code">{equipment.code}</span>
          {equipment.location ? <span>{equipment.location}</span> : null}
        </span>
        {reason && equipment.status !== 'operational' ? (
          <span className="equipment-row__reason">{t(`reason.${reason}`)}</span>
        ) : null}
      </div>
      <StatusBadge status={equipment.status} />
    </li>
  );
}
