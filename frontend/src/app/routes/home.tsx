import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useSession } from '@/features/auth/components/session-provider';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function HomeRoute() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(null);

  return (
    <div className="home">
      <section className="home__hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('app.name')}</h1>
        <p className="home__tagline">{t('app.tagline')}</p>
      </section>

      {session.status === 'loading' ? <Spinner label={t('home.loadingSession')} /> : null}

      {session.status === 'anonymous' ? (
        <section className="card narrow">
          <p>{t('home.signInPrompt')}</p>
          <Link className="button button--primary" to={paths.auth.login.getHref()}>
            {t('auth.signIn')}
          </Link>
          <p className="muted small">{t('home.publicPagesHint')}</p>
        </section>
      ) : null}

      {session.status === 'signed-in' ? (
        <section className="card narrow" aria-labelledby="condos-title">
          <h2 id="condos-title">{t('home.yourCondos')}</h2>
          {session.me.roles.length > 0 ? (
            <ul className="condo-list">
              {session.me.roles.map((role) => (
                <li key={`${role.copro_id}-${role.role}`}>
                  <Link to={paths.condo.status.getHref(role.slug)}>{role.copro_name}</Link>
                  <span className="muted small">{roleLabel(t, role.role)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('home.noCondos')}</p>
          )}
          <button type="button" className="button" onClick={session.signOut}>
            {t('auth.signOut')}
          </button>
        </section>
      ) : null}
    </div>
  );
}

const KNOWN_ROLES = ['manager', 'council', 'resident', 'auditor', 'operator'] as const;

function roleLabel(t: TFunction, role: string): string {
  const known = KNOWN_ROLES.find((candidate) => candidate === role);
  return known ? t(`role.${known}`) : role;
}
