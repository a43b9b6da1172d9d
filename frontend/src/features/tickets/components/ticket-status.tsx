import { useTranslation } from 'react-i18next';

import { Pill, type PillTone } from '@/components/ui/pill';
import type { TicketStatus } from '@/features/tickets/types';

const TONES: Record<TicketStatus, PillTone> = {
  analyzing: 'looking',
  in_progress: 'working',
  resolved: 'done',
  closed: 'closed',
};

export function TicketStatusPill({ status }: { status: TicketStatus }) {
  const { t } = useTranslation();
  return <Pill tone={TONES[status] ?? 'looking'} label={t(`ticketStatus.${status}`)} testId="ticket-status" />;
}
