import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';

import { condoOnScreen } from '@/app/condo-on-screen';
import { opensConsole, operates } from '@/app/routes/console/access';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { paths } from '@/config/paths';
import { SessionEndedNotice } from '@/features/auth/components/session-ended-notice';
import { useSession } from '@/features/auth/components/session-provider';
import type { CondoRole } from '@/features/auth/types';

/** The frame shared by every page: brand, account links, language switch, main landmark. */
export function AppLayout() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to={paths.home.getHref()} className="brand" aria-label={`${t('app.name')} — ${t('app.home')}`}>
            <svg className="brand__logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <rect width="32" height="32" rx="7" fill="currentColor" />
              <path d="M8 25V13l8-6 8 6v12h-5v-7h-6v7z" fill="#fff" />
            </svg>
            <span>{t('app.name')}</span>
          </Link>
          <AccountNav />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <SessionEndedNotice />
        <Outlet />
      </main>
    </>
  );
}

function AccountNav() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <nav className="account-nav" aria-label={t('app.account')} />;
  return (
    <nav className="account-nav" aria-label={t('app.account')}>
      {session.status === 'signed-in' ? (
        <>
          {opensConsole(session.me) ? <NavLink to={paths.console.root.getHref()}>{t('app.console')}</NavLink> : null}
          {operates(session.me) ? <NavLink to={paths.ops.getHref()}>{t('app.operations')}</NavLink> : null}
          <CondoLinks roles={session.me.roles} />
          <NavLink to={paths.me.tickets.getHref()}>{t('myTickets.title')}</NavLink>
          <button type="button" className="link-button" onClick={session.signOut}>
            {t('auth.signOut')}
          </button>
        </>
      ) : location.pathname === paths.auth.login.path ? null : (
        <Link to={paths.auth.login.getHref(`${location.pathname}${location.search}`)}>{t('auth.signIn')}</Link>
      )}
    </nav>
  );
}

/** A member's way to the condo's expenses and statistics. */
function CondoLinks({ roles }: { roles: CondoRole[] }) {
  const { t } = useTranslation();
  const location = useLocation();
  const condo = condoOnScreen(roles, location.pathname);
  if (!condo) return null;
  return (
    <>
      <NavLink to={paths.condo.expenses.getHref(condo.slug)}>{t('app.expenses')}</NavLink>
      <NavLink to={paths.condo.statistics.getHref(condo.slug)}>{t('app.statistics')}</NavLink>
    </>
  );
}
