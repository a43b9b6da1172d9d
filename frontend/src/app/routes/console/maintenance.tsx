import { useTranslation } from 'react-i18next';

import { useConsoleCondo } from '@/app/routes/console/console-condo';
import { useCondoDirectory } from '@/app/routes/console/directory';
import { ConsoleLoadError } from '@/app/routes/console/refusals';
import { Spinner } from '@/components/ui/spinner';
import { MaintenanceCalendar } from '@/features/maintenance/components/maintenance-calendar';
import { maintenanceTranslations } from '@/features/maintenance/locales';
import { useDocumentTitle } from '@/hooks/use-document-title';

export const namespaces = [maintenanceTranslations];

/** The condo's maintenance windows. */
export default function MaintenanceRoute() {
  const { t } = useTranslation('maintenance');
  const { condo, canManage } = useConsoleCondo();
  const directory = useCondoDirectory(condo.id, { withMembers: false });
  useDocumentTitle(t('list.title'));
  return (
    <section className="console-page" aria-labelledby="maintenance-title">
      <header>
        <h1 id="maintenance-title">{t('list.title')}</h1>
        <p className="muted">{t('list.intro')}</p>
      </header>
      {directory.failed ? <ConsoleLoadError onRetry={directory.retry} /> : null}
      {!directory.ready && !directory.failed ? <Spinner label={t('list.loading')} /> : null}
      {directory.ready ? <MaintenanceCalendar coproId={condo.id} canManage={canManage} buildings={directory.buildings} /> : null}
    </section>
  );
}
