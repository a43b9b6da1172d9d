import { useTranslation } from 'react-i18next';

import { ActionError } from '@/components/ui/form/action-error';
import { ApiError } from '@/lib/api-client';

/** Why a command on the structure was refused, beside its button and read out as it appears:
 * a concurrent change says the list now shows the latest version. */
export function StructureRefusal({ error }: { error: unknown }) {
  const { t } = useTranslation('buildings');
  if (!(error instanceof ApiError) || error.code !== 'version_conflict') return <ActionError error={error} />;
  return (
    <p className="form-error" role="alert" data-testid="action-error">
      {t('conflict')}
    </p>
  );
}
