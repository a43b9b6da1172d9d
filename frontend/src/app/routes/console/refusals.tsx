import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { MessagePanel } from '@/components/ui/message-panel';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** A console URL the caller's role does not open: said plainly, with a way out. */
export function NotAllowed({ slug }: { slug?: string }) {
  const { t } = useTranslation('console');
  useDocumentTitle(t('notAllowed.title'));
  return (
    <MessagePanel title={t('notAllowed.title')} testId="not-allowed">
      <p>{t('notAllowed.body')}</p>
      {slug ? (
        <Link to={paths.condo.status.getHref(slug)}>{t('notAllowed.back')}</Link>
      ) : (
        <Link to={paths.home.getHref()}>{t('notAllowed.home')}</Link>
      )}
    </MessagePanel>
  );
}

/** An unknown condo, another condo's id, or a page of the console that does not exist. */
export function ConsoleNotFound() {
  const { t } = useTranslation('console');
  useDocumentTitle(t('notFound.title'));
  return (
    <MessagePanel title={t('notFound.title')} testId="not-found">
      <p>{t('notFound.body')}</p>
      <Link to={paths.console.root.getHref()}>{t('notFound.back')}</Link>
    </MessagePanel>
  );
}

/** A read that failed for a reason other than access: the server is away or busy. */
export function ConsoleLoadError({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation('console');
  return (
    <MessagePanel title={t('error.title')} testId="page-error">
      <p>{t('error.body')}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('error.retry')}
      </button>
    </MessagePanel>
  );
}
