import './console.css';

import { Suspense, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Navigate, Outlet, useLocation, useNavigate, useParams } from 'react-router';

import { consoleCondos, isConsoleRole, roleIn, type ConsoleRole } from '@/app/routes/console/access';
import { ConsoleCondoContext, useConsoleCondo, type ConsoleCondo } from '@/app/routes/console/console-condo';
import { CONSOLE_NAVIGATION, mayOpen, partsFor, type ConsolePart } from '@/app/routes/console/navigation';
import { ConsoleLoadError, ConsoleNotFound, NotAllowed } from '@/app/routes/console/refusals';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { RequireSession } from '@/features/auth/components/require-session';
import { useSession } from '@/features/auth/components/session-provider';
import type { Me } from '@/features/auth/types';
import { useCondo } from '@/features/condos/api/get-condo';
import { useCondos } from '@/features/condos/api/get-condos';
import type { Condo } from '@/features/condos/types';
import { ApiError } from '@/lib/api-client';

/** The frame of every console page of one condo: who may enter is settled here, once. A caller
 * outside the condo (or naming one that does not exist) reads "not found", a member whose role
 * opens no console reads "not allowed". */
export function ConsoleLayout() {
  return (
    <RequireSession>
      <SignedInConsole />
    </RequireSession>
  );
}

function SignedInConsole() {
  const { coproId = '' } = useParams();
  const session = useSession();
  if (session.status !== 'signed-in') return null;
  const role = roleIn(session.me, coproId);
  if (role === null) return <ConsoleNotFound />;
  if (!isConsoleRole(role)) {
    return <NotAllowed slug={session.me.roles.find((held) => held.copro_id === coproId)?.slug} />;
  }
  return <ConsoleFrame key={coproId} coproId={coproId} role={role} me={session.me} />;
}

function ConsoleFrame({ coproId, role, me }: { coproId: string; role: ConsoleRole; me: Me }) {
  const { t } = useTranslation('console');
  const { t: tCommon } = useTranslation();
  const condo = useCondo(coproId);
  const context = useMemo<ConsoleCondo | null>(
    () => (condo.data ? { condo: condo.data, role, canManage: role === 'manager' } : null),
    [condo.data, role],
  );
  if (condo.isPending) return <Spinner label={t('loading')} />;
  if (condo.isError || !context) {
    if (condo.error instanceof ApiError && condo.error.status === 404) return <ConsoleNotFound />;
    return <ConsoleLoadError onRetry={() => void condo.refetch()} />;
  }
  return (
    <ConsoleCondoContext.Provider value={context}>
      <div className="console" data-testid="console">
        <header className="console__header">
          <div className="console__condo">
            <p className="console__eyebrow">{t('title')}</p>
            <p className="console__name">{context.condo.name}</p>
          </div>
          <CondoSwitcher me={me} current={context.condo} />
          <p className="console__links">
            <span className="muted small">{t('roleIs', { role: tCommon(`role.${role}`) })}</span>
            <Link to={paths.condo.status.getHref(context.condo.slug)}>{t('publicPage')}</Link>
          </p>
        </header>
        <nav className="console__nav" aria-label={t('navigation')}>
          <ul>
            {partsFor(role).map((item) => (
              <li key={item.part}>
                <NavLink to={item.href(coproId)}>{t(`nav.${item.part}`)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="console__content">
          {context.canManage ? null : <p className="console__read-only">{t('readOnly')}</p>}
          <Suspense fallback={<Spinner label={t('loading')} />}>
            <Outlet />
          </Suspense>
        </div>
      </div>
    </ConsoleCondoContext.Provider>
  );
}

/** Another condo's console, at the same part, for a caller who holds console roles in several. */
function CondoSwitcher({ me, current }: { me: Me; current: Condo }) {
  const { t } = useTranslation('console');
  const navigate = useNavigate();
  const location = useLocation();
  const everyCondo = useCondos({ enabled: me.is_admin });
  const choices = me.is_admin
    ? (everyCondo.data?.items ?? [current]).map((condo) => ({ id: condo.id, name: condo.name, role: 'manager' as const }))
    : consoleCondos(me);
  if (choices.length < 2) return null;
  function open(coproId: string) {
    const part = partOf(location.pathname);
    const role = choices.find((choice) => choice.id === coproId)?.role;
    const target = part && role && mayOpen(part, role) ? CONSOLE_NAVIGATION.find((item) => item.part === part)?.href(coproId) : null;
    navigate(target ?? paths.console.condo.getHref(coproId));
  }
  return (
    <div className="field console__switcher">
      <label htmlFor="console-condo">{t('switchCondo')}</label>
      <select id="console-condo" value={current.id} onChange={(event) => open(event.target.value)}>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The part a console URL is in: `/console/<id>/<part>/…`. */
function partOf(pathname: string): ConsolePart | null {
  const segment = pathname.split('/')[3];
  return CONSOLE_NAVIGATION.find((item) => item.part === segment)?.part ?? null;
}

/** A part's pages, for the roles its navigation entry names; "not allowed" for any other. */
export function ConsolePartGate({ part, children }: { part: ConsolePart; children: ReactNode }) {
  const { role, condo } = useConsoleCondo();
  return mayOpen(part, role) ? children : <NotAllowed slug={condo.slug} />;
}

/** `/console/<id>`: the first part the caller's role opens. */
export function FirstPart() {
  const { role, condo } = useConsoleCondo();
  const first = partsFor(role)[0];
  return first ? <Navigate to={first.href(condo.id)} replace /> : <NotAllowed slug={condo.slug} />;
}
