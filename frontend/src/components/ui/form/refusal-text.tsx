import { useTranslation } from 'react-i18next';

import { refusalKey } from '@/components/ui/form/action-error';

/** Why an API call was refused, as words only (for a message box that is already an alert). */
export function RefusalText({ error }: { error: unknown }) {
  const { t } = useTranslation('console');
  return <>{t(`apiError.${refusalKey(error)}`)}</>;
}
