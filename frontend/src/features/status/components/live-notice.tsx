import { useTranslation } from 'react-i18next';

import type { LiveState } from '@/features/status/api/watch-status-page';

/**
 * Says whether the page follows changes live. The region is always there (a live region must
 * exist before its text changes) and polite: a dropped connection does not interrupt the reader.
 */
export function LiveNotice({ state }: { state: LiveState }) {
  const { t } = useTranslation();
  return (
    <div className={`live-notice live-notice--${state}`} role="status" data-testid="live-notice" data-state={state}>
      {state === 'connecting' ? null : (
        <>
          <span className="live-notice__dot" aria-hidden="true" />
          <span>{t(`live.${state}`)}</span>
        </>
      )}
    </div>
  );
}
