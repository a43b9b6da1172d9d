import { useTranslation } from 'react-i18next';

import { useConsoleCondo } from '@/app/routes/console/console-condo';
import { useCondoDirectory } from '@/app/routes/console/directory';

/** Who an event's actor is: the scheduler, an anonymous visitor, or an account — named for a
 * manager (who reads the members), by its id for an auditor (who reads no personal data). */
export function useActorName(): (actorId: string) => string {
  const { t } = useTranslation('audit');
  const { condo, canManage } = useConsoleCondo();
  const directory = useCondoDirectory(condo.id, { withMembers: canManage });
  return (actorId) => {
    if (actorId === 'system') return t('actor.system');
    if (actorId === 'anonymous') return t('actor.anonymous');
    return canManage ? `${directory.personName(actorId)} (${actorId.slice(0, 8)})` : actorId;
  };
}
