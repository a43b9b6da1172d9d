import './button-danger.css';
import './confirm-action.css';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type ConfirmActionProps = {
  /** The button's words, and its accessible name when it must say what it acts on. */
  label: string;
  accessibleLabel?: string;
  /** What will happen, asked before it does. */
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  /** Why the action was refused, worded by the caller (null: nothing to say). */
  refusal: (error: unknown) => ReactNode;
  danger?: boolean;
};

/**
 * An action that cannot be undone from here: a first press asks, a second one acts. The
 * question gets the focus; a refusal shows beside the buttons, read out as it appears.
 */
export function ConfirmAction({ label, accessibleLabel, question, confirmLabel, onConfirm, refusal, danger }: ConfirmActionProps) {
  const { t } = useTranslation('console');
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const questionId = useId();
  const opener = useRef<HTMLButtonElement>(null);
  const asked = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (asking) asked.current?.focus();
  }, [asking]);

  function close() {
    setAsking(false);
    setError(null);
    opener.current?.focus();
  }

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setAsking(false);
    } catch (refused) {
      setError(refused);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="confirm-action">
      <button
        ref={opener}
        type="button"
        className={danger ? 'button button--danger' : 'button'}
        aria-label={accessibleLabel}
        aria-expanded={asking}
        onClick={() => (asking ? close() : setAsking(true))}
      >
        {label}
      </button>
      {asking ? (
        <div className="confirm-action__question" role="group" aria-labelledby={questionId}>
          <p id={questionId} ref={asked} tabIndex={-1}>
            {question}
          </p>
          {error ? (
            <div className="form-error" role="alert">
              {refusal(error)}
            </div>
          ) : null}
          <div className="actions">
            <button
              type="button"
              className={danger ? 'button button--danger' : 'button button--primary'}
              disabled={pending}
              onClick={() => void confirm()}
            >
              {pending ? t('common.sending') : confirmLabel}
            </button>
            <button type="button" className="button" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
