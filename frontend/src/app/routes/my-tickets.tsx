import { useTranslation } from 'react-i18next';

import { RequireSession } from '@/features/auth/components/require-session';
import { MyTicketsList } from '@/features/tickets/components/my-tickets-list';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function MyTicketsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('myTickets.title'));
  return (
    <RequireSession>
      <div className="narrow-page">
        <h1>{t('myTickets.title')}</h1>
        <p className="muted">{t('myTickets.intro')}</p>
        <MyTicketsList />
      </div>
    </RequireSession>
  );
}
