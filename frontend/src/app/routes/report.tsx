import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { BackToStatus, CondoPage } from '@/app/routes/condo-page';
import { useSession } from '@/features/auth/components/session-provider';
import { ReportConfirmation } from '@/features/tickets/components/report-confirmation';
import { ReportForm } from '@/features/tickets/components/report-form';
import type { Receipt } from '@/features/tickets/types';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** The report form, the QR code's target. */
export function ReportRoute() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const session = useSession();
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const signedIn = session.status === 'signed-in';
  useDocumentTitle(t('report.pageTitle'));
  return (
    <CondoPage slug={slug}>
      {(page) => (
        <div className="narrow-page">
          <BackToStatus slug={slug} name={page.copro.name} />
          <h1>{t('report.pageTitle')}</h1>
          <p className="muted">{t('report.intro', { name: page.copro.name })}</p>
          {receipt ? (
            <ReportConfirmation receipt={receipt} slug={slug} signedIn={signedIn} onAnother={() => setReceipt(null)} />
          ) : (
            <ReportForm
              coproId={page.copro.id}
              buildings={page.buildings}
              anonymous={!signedIn}
              onReported={setReceipt}
            />
          )}
        </div>
      )}
    </CondoPage>
  );
}
