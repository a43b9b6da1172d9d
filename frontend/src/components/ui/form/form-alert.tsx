import { useTranslation } from 'react-i18next';

import type { FormFailure } from '@/lib/validation';

type FormAlertProps = {
  failure: FormFailure;
  /** The form's own words for "too many, wait N seconds" (null: the wait is unknown). */
  rateLimited: (seconds: number | null) => string;
};

/** What went wrong with a whole form (not one field), read out as soon as it appears. */
export function FormAlert({ failure, rateLimited }: FormAlertProps) {
  const { t } = useTranslation();
  const text =
    failure.kind === 'rateLimited'
      ? rateLimited(failure.seconds)
      : failure.kind === 'unplaced'
        ? t('form.checkFields')
        : t('form.failed');
  return (
    <div className="form-error" role="alert">
      {text}
    </div>
  );
}
