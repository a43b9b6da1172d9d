import { useTranslation } from 'react-i18next';

import { Spinner } from '@/components/ui/spinner';

/** Shown while a page's chunk is on its way. */
export function RouteFallback() {
  const { t } = useTranslation();
  return <Spinner label={t('app.loadingPage')} />;
}
