import { useTranslation } from 'react-i18next';

import { StatusIcon } from '@/components/ui/status-icon';
import type { EquipmentStatus } from '@/types/equipment-status';

type StatusBadgeProps = { status: EquipmentStatus };

/** A status as colour, shape and words; `data-status` carries the raw value for tests. */
export function StatusBadge({ status }: StatusBadgeProps) {
  const { t } = useTranslation();
  return (
    <span
      className={`status-badge status--${status}`}
      data-testid="status-label"
      data-status={status}
    >
      <StatusIcon status={status} />
      <span className="status-badge__text">{t(`status.${status}`)}</span>
    </span>
  );
}
