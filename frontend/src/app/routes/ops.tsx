import { useTranslation } from 'react-i18next';

import { operates } from '@/app/routes/console/access';
import { LoadFailed } from '@/components/ui/load-failed';
import { MessagePanel } from '@/components/ui/message-panel';
import { Spinner } from '@/components/ui/spinner';
import { RequireSession } from '@/features/auth/components/require-session';
import { useSession } from '@/features/auth/components/session-provider';
import { useProjections } from '@/features/ops/api/get-projections';
import { ProjectionsBoard } from '@/features/ops/components/projections-board';
import { opsTranslations } from '@/features/ops/locales';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ApiError } from '@/lib/api-client';
import { loadNamespaces } from '@/lib/i18n-namespaces';
import { consoleTranslations } from '@/locales/console';

/** The board's texts, and the console's shared ones (refusals, confirmations). */
export function opsReady(): Promise<void> {
  return loadNamespaces([opsTranslations, consoleTranslations]);
}

/** `/ops`: the operators' board of the platform's projections, outside any condo. */
export function OpsRoute() {
  return (
    <RequireSession>
      <SignedInOps />
    </RequireSession>
  );
}

function SignedInOps() {
  const { t } = useTranslation('ops');
  const session = useSession();
  useDocumentTitle(t('page.title'));
  if (session.status !== 'signed-in') return null;
  if (!operates(session.me)) return <OpsNotAllowed />;
  return <Board />;
}

function OpsNotAllowed() {
  const { t } = useTranslation('ops');
  const { t: tConsole } = useTranslation('console');
  return (
    <MessagePanel title={tConsole('notAllowed.title')} testId="not-allowed">
      <p>{t('page.notAllowed')}</p>
    </MessagePanel>
  );
}

function Board() {
  const { t } = useTranslation('ops');
  const projections = useProjections();
  if (projections.error instanceof ApiError && projections.error.status === 403) return <OpsNotAllowed />;
  return (
    <section className="console-page ops-page" aria-labelledby="ops-title" data-testid="ops-board">
      <header>
        <h1 id="ops-title">{t('page.title')}</h1>
        <p className="muted">{t('page.intro')}</p>
      </header>
      {projections.data ? <ProjectionsBoard projections={projections.data} /> : null}
      {projections.isPending ? <Spinner label={t('page.loading')} /> : null}
      {projections.isError && !projections.data ? <LoadFailed error={projections.error} onRetry={() => void projections.refetch()} /> : null}
    </section>
  );
}
