import { useTranslation } from 'react-i18next';

import { ActionError } from '@/components/ui/form/action-error';
import { MessagePanel } from '@/components/ui/message-panel';

/** A console read that failed: why, in the visitor's words, and a way to try again. */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation('console');
  return (
    <MessagePanel title={t('error.title')} level={2} testId="page-error">
      <ActionError error={error} />
      <button type="button" className="button" onClick={onRetry}>
        {t('error.retry')}
      </button>
    </MessagePanel>
  );
}
