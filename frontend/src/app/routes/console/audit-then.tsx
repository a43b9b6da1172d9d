import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { useConsoleCondo } from '@/app/routes/console/console-condo';
import { LoadFailed } from '@/components/ui/load-failed';
import { Spinner } from '@/components/ui/spinner';
import { AuditViews } from '@/features/audit/components/audit-views';
import { InstantPicker } from '@/features/audit/components/instant-picker';
import { auditTranslations } from '@/features/audit/locales';
import { useStatusPageThen } from '@/features/status/api/get-status-page-then';
import { StatusPageThen } from '@/features/status/components/status-page-then';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format-date';

export const namespaces = [auditTranslations];

/** The public status page as it was at the instant the address names (`?at=`). */
export default function AuditThenRoute() {
  const { t, i18n } = useTranslation('audit');
  const { condo } = useConsoleCondo();
  const [params, setParams] = useSearchParams();
  const at = validInstant(params.get('at'));
  const page = useStatusPageThen(condo.slug, at);
  useDocumentTitle(`${t('page.title')} — ${t('then.title')}`);

  const refusal = refusalOf(page.error, t);
  // A refused instant leaves no page on screen: the one before it would lie about when it is.
  const shown = refusal ? undefined : page.data;
  return (
    <section className="console-page" aria-labelledby="then-title">
      <header>
        <h1 id="then-title">{t('then.title')}</h1>
        <p className="muted">{t('then.intro')}</p>
      </header>
      <AuditViews coproId={condo.id} />
      <InstantPicker instant={at} refusal={refusal} onInstant={(iso) => setParams({ at: iso }, { replace: true })} />
      <div className="console-page" aria-busy={page.isFetching}>
        {at === null ? <p className="muted">{t('then.choose')}</p> : null}
        {page.isError && !refusal ? <LoadFailed error={page.error} onRetry={() => void page.refetch()} /> : null}
        {at !== null && page.isPending ? <Spinner label={t('then.loading')} /> : null}
        {shown && at ? (
          <>
            <p className="audit-as-of" role="status" data-testid="then-as-of">
              {t('then.asOf', { time: formatDateTime(at, i18n.language) })}
            </p>
            <StatusPageThen page={shown} />
          </>
        ) : null}
      </div>
    </section>
  );
}

function validInstant(value: string | null): string | null {
  if (!value) return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/** The server's refusal of the instant, said beside the date-time control. */
function refusalOf(error: Error | null, t: (key: 'problems.beforeCondo' | 'problems.future') => string): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 404) return t('problems.beforeCondo');
  if (error.status === 422) return t('problems.future');
  return null;
}
