import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

import { paths } from '@/config/paths';
import { useSession } from '@/features/auth/components/session-provider';

/** Tells the visitor their session ended (expired, or refused by the server) and brings them
 * back where they were once signed in again. */
export function SessionEndedNotice() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const ended = session.status === 'anonymous' && session.ended;
  const here = `${location.pathname}${location.search}`;
  return (
    <div role="status" className="session-notice-region">
      {ended ? (
        <div className="session-notice" data-testid="session-ended">
          <p>{t('auth.sessionEnded')}</p>
          <p className="session-notice__actions">
            {location.pathname === paths.auth.login.path ? null : (
              <Link className="button button--primary" to={paths.auth.login.getHref(here)}>
                {t('auth.signInAgain')}
              </Link>
            )}
            <button type="button" className="button button--quiet" onClick={session.dismissEnded}>
              {t('auth.dismiss')}
            </button>
          </p>
        </div>
      ) : null}
    </div>
  );
}
