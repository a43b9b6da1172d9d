import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { MessagePanel } from '@/components/ui/message-panel';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useStatusPage } from '@/features/status/api/get-status-page';
import type { StatusPage } from '@/features/status/types';
import { ApiError } from '@/lib/api-client';

type CondoPageProps = { slug: string; children: (page: StatusPage) => ReactNode };

/** A page about one condo (report form, sign-up): it needs the condo's buildings and equipment,
 * which the public status page lists. */
export function CondoPage({ slug, children }: CondoPageProps) {
  const { t } = useTranslation();
  const page = useStatusPage(slug);
  if (page.data) return children(page.data);
  if (page.isError) {
    const missing = page.error instanceof ApiError && page.error.status === 404;
    return (
      <MessagePanel title={missing ? t('statusPage.notFoundTitle') : t('statusPage.errorTitle')} testId="page-error">
        <p>{missing ? t('statusPage.notFoundBody') : t('statusPage.errorBody')}</p>
        <Link to={paths.home.getHref()}>{t('notFound.backHome')}</Link>
      </MessagePanel>
    );
  }
  return <Spinner label={t('statusPage.loading')} />;
}

/** The way back from a condo's page to its status page. */
export function BackToStatus({ slug, name }: { slug: string; name: string }) {
  const { t } = useTranslation();
  return (
    <p className="back-link">
      <Link to={paths.condo.status.getHref(slug)}>← {t('report.backTo', { name })}</Link>
    </p>
  );
}
