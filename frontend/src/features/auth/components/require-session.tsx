import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

import { MessagePanel } from '@/components/ui/message-panel';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useSession } from '@/features/auth/components/session-provider';

/** Shows `children` to a signed-in visitor; asks anyone else to sign in, coming back here. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <Spinner label={t('home.loadingSession')} />;
  if (session.status === 'anonymous') {
    return (
      <MessagePanel title={t('auth.signInNeeded')} testId="sign-in-needed">
        <p>{t('auth.signInNeededBody')}</p>
        <Link className="button button--primary" to={paths.auth.login.getHref(`${location.pathname}${location.search}`)}>
          {t('auth.signIn')}
        </Link>
      </MessagePanel>
    );
  }
  return children;
}
