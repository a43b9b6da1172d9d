import { useTranslation } from 'react-i18next';

import { StatusBadge } from '@/components/ui/status-badge';
import type { Equipment } from '@/features/buildings/types';

const REASONS = ['incident', 'maintenance', 'manual'] as const;
type Reason = (typeof REASONS)[number];

function reasonOf(equipment: Equipment): Reason {
  return REASONS.find((reason) => reason === equipment.reason) ?? 'manual';
}

/**
 * What the public page shows for a piece of equipment, and why: an open incident's worst
 * impact, a maintenance in progress, or the status set by hand, which comes back afterwards.
 */
export function ShownStatus({ equipment }: { equipment: Equipment }) {
  const { t } = useTranslation('buildings');
  const { t: tCommon } = useTranslation();
  const reason = reasonOf(equipment);
  const manualHidden = reason !== 'manual' && equipment.manual_status !== equipment.status;
  return (
    <div className="shown-status" data-testid="shown-status" data-reason={reason}>
      <p className="shown-status__line">
        <span className="shown-status__label">{t('shown.label')}</span>
        <StatusBadge status={equipment.status} />
      </p>
      <p className="small">{t(`shown.${reason}`)}</p>
      {manualHidden ? (
        <p className="small muted">{t('shown.hiddenManual', { status: tCommon(`status.${equipment.manual_status}`) })}</p>
      ) : null}
      {equipment.note ? <p className="small muted shown-status__note">{t('shown.note', { note: equipment.note })}</p> : null}
    </div>
  );
}
