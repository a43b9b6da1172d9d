import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { CondoRecord } from '@/app/routes/console/condo-record';
import { useConsoleCondo } from '@/app/routes/console/console-condo';
import { useCondoDirectory } from '@/app/routes/console/directory';
import { paths } from '@/config/paths';
import { useIncident } from '@/features/incidents/api/get-incident';
import { IncidentView } from '@/features/incidents/components/incident-view';
import { incidentsTranslations } from '@/features/incidents/locales';
import { useDocumentTitle } from '@/hooks/use-document-title';

export const namespaces = [incidentsTranslations];

/** One incident of the condo. */
export default function IncidentRoute() {
  const { t } = useTranslation('incidents');
  const { incidentId = '' } = useParams();
  const { condo, canManage } = useConsoleCondo();
  const incident = useIncident(incidentId);
  const directory = useCondoDirectory(condo.id, { withMembers: canManage });
  useDocumentTitle(incident.data?.title ?? t('incident.loading'));
  return (
    <CondoRecord read={incident} also={directory} loading={t('incident.loading')}>
      {(found) => (
        <IncidentView
          key={found.id}
          incident={found}
          canManage={canManage}
          buildings={directory.buildings}
          equipmentName={directory.equipmentName}
          personName={directory.personName}
          listHref={paths.console.incidents.getHref(condo.id)}
        />
      )}
    </CondoRecord>
  );
}
