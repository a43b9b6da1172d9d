import { useTranslation } from 'react-i18next';

import { StatusIcon } from '@/components/ui/status-icon';
import type { Building } from '@/features/status/types';
import type { EquipmentStatus } from '@/types/equipment-status';

type OverallBannerProps = { status: EquipmentStatus; buildings: Building[] };

export function OverallBanner({ status, buildings }: OverallBannerProps) {
  const { t } = useTranslation();
  const equipment = buildings.flatMap((building) => building.equipment);
  const affected = equipment.filter((item) => item.status !== 'operational').length;
  return (
    <section
      className={`banner status--${status}`}
      aria-label={t('statusPage.overallStatus')}
      data-testid="overall-status"
      data-status={status}
    >
      <StatusIcon status={status} className="banner__icon" />
      <div>
        <p className="banner__title">{t(`banner.${status}`)}</p>
        {affected > 0 ? (
          <p className="banner__detail">
            {t('banner.affected', { count: affected, total: equipment.length })}
          </p>
        ) : null}
      </div>
    </section>
  );
}
