import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';

import { consoleCondos } from '@/app/routes/console/access';
import { ConsoleLoadError, NotAllowed } from '@/app/routes/console/refusals';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { RequireSession } from '@/features/auth/components/require-session';
import { useSession } from '@/features/auth/components/session-provider';
import { useCondos } from '@/features/condos/api/get-condos';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** `/console`: straight to the condo when the caller has one console, a choice when several. */
export function ChooseCondo() {
  return (
    <RequireSession>
      <Choices />
    </RequireSession>
  );
}

function Choices() {
  const session = useSession();
  if (session.status !== 'signed-in') return null;
  return session.me.is_admin ? <EveryCondo /> : <Listed condos={consoleCondos(session.me)} />;
}

function EveryCondo() {
  const { t } = useTranslation('console');
  const condos = useCondos();
  if (condos.isPending) return <Spinner label={t('loading')} />;
  if (condos.isError) return <ConsoleLoadError onRetry={() => void condos.refetch()} />;
  return <Listed condos={condos.data.items} />;
}

function Listed({ condos }: { condos: { id: string; name: string }[] }) {
  const { t } = useTranslation('console');
  useDocumentTitle(t('title'));
  const only = condos.length === 1 ? condos[0] : undefined;
  if (only) return <Navigate to={paths.console.condo.getHref(only.id)} replace />;
  if (condos.length === 0) return <NotAllowed />;
  return (
    <section className="card narrow" aria-labelledby="choose-title">
      <h1 id="choose-title">{t('choose.title')}</h1>
      <p className="muted">{t('choose.intro')}</p>
      <ul className="condo-list">
        {condos.map((condo) => (
          <li key={condo.id}>
            <Link to={paths.console.condo.getHref(condo.id)}>{condo.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

