import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useConsoleCondo } from '@/app/routes/console/console-condo';
import { paths } from '@/config/paths';
import { IncidentList } from '@/features/incidents/components/incident-list';
import { incidentsTranslations } from '@/features/incidents/locales';
import { useDocumentTitle } from '@/hooks/use-document-title';

export const namespaces = [incidentsTranslations];

/** The condo's incidents. */
export default function IncidentsRoute() {
  const { t } = useTranslation('incidents');
  const { condo, canManage } = useConsoleCondo();
  useDocumentTitle(t('list.title'));
  return (
    <section className="console-page" aria-labelledby="incidents-title">
      <header className="console-page__header">
        <div>
          <h1 id="incidents-title">{t('list.title')}</h1>
          <p className="muted">{t('list.intro')}</p>
        </div>
        {canManage ? (
          <Link className="button button--primary" to={paths.console.newIncident.getHref(condo.id)}>
            {t('list.open')}
          </Link>
        ) : null}
      </header>
      <IncidentList coproId={condo.id} incidentHref={(incidentId) => paths.console.incident.getHref(condo.id, incidentId)} />
    </section>
  );
}
