import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { useConsoleCondo } from '@/app/routes/console/console-condo';
import { useCondoDirectory } from '@/app/routes/console/directory';
import { ConsoleLoadError, NotAllowed } from '@/app/routes/console/refusals';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { OpenIncidentForm } from '@/features/incidents/components/open-incident-form';
import { incidentsTranslations } from '@/features/incidents/locales';
import { useDocumentTitle } from '@/hooks/use-document-title';

export const namespaces = [incidentsTranslations];

/** Opening an incident: managers only (auditors read incidents, they do not open them). */
export default function NewIncidentRoute() {
  const { t } = useTranslation('incidents');
  const { condo, canManage } = useConsoleCondo();
  const navigate = useNavigate();
  const directory = useCondoDirectory(condo.id, { withMembers: false });
  useDocumentTitle(t('open.title'));
  if (!canManage) return <NotAllowed slug={condo.slug} />;
  return (
    <section className="console-page" aria-labelledby="open-incident-heading">
      <p className="back-link">
        <Link to={paths.console.incidents.getHref(condo.id)}>← {t('open.back')}</Link>
      </p>
      <header>
        <h1 id="open-incident-heading">{t('open.title')}</h1>
        <p className="muted">{t('open.intro')}</p>
      </header>
      {directory.failed ? <ConsoleLoadError onRetry={directory.retry} /> : null}
      {!directory.ready && !directory.failed ? <Spinner label={t('incident.loading')} /> : null}
      {directory.ready ? (
        <OpenIncidentForm
          coproId={condo.id}
          buildings={directory.buildings}
          onOpened={(incidentId) => navigate(paths.console.incident.getHref(condo.id, incidentId))}
        />
      ) : null}
    </section>
  );
}
