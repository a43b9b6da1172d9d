import { useTranslation } from 'react-i18next';

import { useConsoleCondo } from '@/app/routes/console/console-condo';
import { paths } from '@/config/paths';
import { useSession } from '@/features/auth/components/session-provider';
import { useStructure } from '@/features/buildings/api/get-structure';
import { MembersManager } from '@/features/members/components/members-manager';
import { membersTranslations } from '@/features/members/locales';
import { useDocumentTitle } from '@/hooks/use-document-title';

export const namespaces = [membersTranslations];

/** The condo's members, for its managers. */
export default function MembersRoute() {
  const { t } = useTranslation('members');
  const { condo } = useConsoleCondo();
  const session = useSession();
  const structure = useStructure(condo.id);
  useDocumentTitle(t('page.title'));
  const selfId = session.status === 'signed-in' ? session.me.account_id : '';
  return (
    <section className="console-page" aria-labelledby="members-page-title">
      <header>
        <h1 id="members-page-title">{t('page.title')}</h1>
        <p className="muted">{t('page.intro')}</p>
      </header>
      <MembersManager
        coproId={condo.id}
        selfId={selfId}
        buildings={structure.data?.buildings ?? []}
        // The session read its roles when it began: reading them again means loading anew.
        onOwnRoleChanged={() => window.location.assign(paths.console.root.getHref())}
      />
    </section>
  );
}
