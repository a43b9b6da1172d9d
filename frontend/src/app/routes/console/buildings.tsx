import { useTranslation } from 'react-i18next';

import { useConsoleCondo } from '@/app/routes/console/console-condo';
import { StructureManager } from '@/features/buildings/components/structure-manager';
import { buildingsTranslations } from '@/features/buildings/locales';
import { useDocumentTitle } from '@/hooks/use-document-title';

export const namespaces = [buildingsTranslations];

/** The condo's buildings and equipment, and what its public page shows of each. */
export default function BuildingsRoute() {
  const { t } = useTranslation('buildings');
  const { condo, canManage } = useConsoleCondo();
  useDocumentTitle(t('page.title'));
  return (
    <section className="console-page" aria-labelledby="buildings-title">
      <header>
        <h1 id="buildings-title">{t('page.title')}</h1>
        <p className="muted">{t('page.intro')}</p>
        {condo.public_status_page ? null : <p className="muted">{t('page.privatePage')}</p>}
      </header>
      <StructureManager coproId={condo.id} canManage={canManage} />
    </section>
  );
}
