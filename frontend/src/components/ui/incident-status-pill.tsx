import { useTranslation } from 'react-i18next';

import { Pill, type PillTone } from '@/components/ui/pill';
import type { IncidentStatus } from '@/types/incident-status';

const TONES: Record<IncidentStatus, PillTone> = {
  investigating: 'looking',
  in_progress: 'working',
  resolved: 'done',
  closed: 'closed',
};

/** Where an incident stands: under investigation, being fixed, resolved, closed. */
export function IncidentStatusPill({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation();
  return <Pill tone={TONES[status]} label={t(`incidentStatus.${status}`)} testId="incident-status" />;
}
