import { useTranslation } from 'react-i18next';

type FormActionsProps = {
  submitLabel: string;
  pending: boolean;
  /** Worded while the command is on its way (default: "Sending…"). */
  pendingLabel?: string;
  onCancel?: () => void;
};

/** A form's submit button, and a way to leave it without sending. */
export function FormActions({ submitLabel, pending, pendingLabel, onCancel }: FormActionsProps) {
  const { t } = useTranslation('console');
  return (
    <div className="actions">
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? (pendingLabel ?? t('common.sending')) : submitLabel}
      </button>
      {onCancel ? (
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      ) : null}
    </div>
  );
}
