import { useTranslation } from 'react-i18next';

import { DoneNotice } from '@/components/ui/done-notice';
import { ActionError } from '@/components/ui/form/action-error';
import { useExportEvents } from '@/features/audit/api/export-events';
import type { AuditFilters } from '@/features/audit/types';

/** Downloads the condo's events (those the filters keep) as JSON Lines, with the visitor's token. */
export function ExportPanel({ coproId, filters }: { coproId: string; filters: AuditFilters }) {
  const { t } = useTranslation('audit');
  const exporting = useExportEvents(coproId);
  return (
    <section className="card console-section" aria-labelledby="export-title">
      <h2 id="export-title">{t('export.title')}</h2>
      <p className="muted">{t('export.intro')}</p>
      <div>
        <button type="button" className="button" disabled={exporting.isPending} onClick={() => exporting.mutate(filters)}>
          {exporting.isPending ? t('export.running') : t('export.button')}
        </button>
      </div>
      <DoneNotice text={exporting.isSuccess ? t('export.done') : ''} testId="export-done" />
      {exporting.isError ? <ActionError error={exporting.error} /> : null}
    </section>
  );
}
