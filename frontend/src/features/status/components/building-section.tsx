import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { StatusBadge } from '@/components/ui/status-badge';
import { StatusIcon } from '@/components/ui/status-icon';
import { EquipmentRow } from '@/features/status/components/equipment-row';
import type { Building, HistoryDay } from '@/features/status/types';

type BuildingSectionProps = {
  building: Building;
  /** Each piece of equipment's last days, by equipment id, once loaded. */
  history?: ReadonlyMap<string, HistoryDay[]>;
  incidentTitles?: ReadonlyMap<string, string>;
};

/** One building and its equipment; when everything works the list is folded away. */
export function BuildingSection({ building, history, incidentTitles }: BuildingSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const allOperational = building.equipment.every((item) => item.status === 'operational');
  const list = (
    <ul className="equipment-list" aria-labelledby={headingId}>
      {building.equipment.map((item) => (
        <EquipmentRow
          key={item.id}
          equipment={item}
          days={history?.get(item.id)}
          incidentTitles={incidentTitles}
        />
      ))}
    </ul>
  );

  return (
    <section className="card building" aria-labelledby={headingId} data-testid={`building-${building.id}`}>
      <header className="building__header">
        <h3 id={headingId}>{building.name}</h3>
        <StatusBadge status={building.status} />
      </header>
      {building.equipment.length === 0 ? (
        <p className="muted">{t('statusPage.noEquipment')}</p>
      ) : allOperational ? (
        <details className="building__collapsed">
          <summary>
            <StatusIcon status="operational" className="status--operational" />
            {t('statusPage.operationalCount', { count: building.equipment.length })}
          </summary>
          {list}
        </details>
      ) : (
        list
      )}
    </section>
  );
}
