import { useTranslation } from 'react-i18next';

import { ActionError } from '@/components/ui/form/action-error';
import { useVerifyChains } from '@/features/audit/api/verify-chains';
import type { Verification } from '@/features/audit/types';

/** Verifies the condo's hash chains on demand and says the result as soon as it comes. */
export function VerifyPanel({ coproId }: { coproId: string }) {
  const { t } = useTranslation('audit');
  const verify = useVerifyChains(coproId);
  return (
    <section className="card console-section" aria-labelledby="verify-title" data-testid="verify-panel">
      <h2 id="verify-title">{t('verify.title')}</h2>
      <p className="muted">{t('verify.intro')}</p>
      <div>
        <button type="button" className="button button--primary" disabled={verify.isPending} onClick={() => verify.mutate()}>
          {verify.isPending ? t('verify.running') : t('verify.run')}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="verify-result">
        {verify.isPending ? <p>{t('verify.running')}</p> : null}
        {verify.data ? <VerificationResult result={verify.data} /> : null}
      </div>
      {verify.isError ? <ActionError error={verify.error} /> : null}
    </section>
  );
}

function VerificationResult({ result }: { result: Verification }) {
  const { t } = useTranslation('audit');
  const checked = <p className="muted">{t('verify.checked', { checked: result.checked, streams: result.streams })}</p>;
  if (result.holds) {
    return (
      <div className="verify-result verify-result--holds">
        <p className="verify-result__title">
          <span aria-hidden="true">✓ </span>
          {t('verify.holds')}
        </p>
        {checked}
      </div>
    );
  }
  const more = result.breaks_total - result.breaks.length;
  return (
    <div className="verify-result verify-result--breaks">
      <p className="verify-result__title">
        <span aria-hidden="true">✗ </span>
        {t('verify.breaks', { count: result.breaks_total })}
      </p>
      <ul className="verify-breaks">
        {result.breaks.map((found, index) => (
          <li key={`${found.kind}-${found.stream ?? ''}-${found.position ?? index}`}>
            <p>
              <strong>{t(`verify.kind.${found.kind}`)}</strong> — {found.detail}
            </p>
            <dl className="facts">
              <dt>{t('verify.stream')}</dt>
              <dd>
                <code>{found.stream ?? t('verify.none')}</code>
              </dd>
              <dt>{t('verify.version')}</dt>
              <dd>{found.version ?? t('verify.none')}</dd>
              <dt>{t('verify.position')}</dt>
              <dd>{found.position ?? t('verify.none')}</dd>
              <dt>{t('verify.expected')}</dt>
              <dd>
                <code className="audit-hash">{found.expected ?? t('verify.none')}</code>
              </dd>
              <dt>{t('verify.found')}</dt>
              <dd>
                <code className="audit-hash">{found.found ?? t('verify.none')}</code>
              </dd>
            </dl>
          </li>
        ))}
      </ul>
      {more > 0 ? <p>{t('verify.more', { count: more })}</p> : null}
      {checked}
    </div>
  );
}
