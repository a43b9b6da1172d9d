import { forwardRef, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

import { FieldError } from '@/components/ui/form/problem-message';
import type { InstantProblem } from '@/features/audit/components/instant';

type AuditFieldProps = {
  id: string;
  label: string;
  hint?: string;
  /** What is wrong, already worded; shown beside the field and named by it. */
  problem?: string | null;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

/** A labelled input with its hint and its problem beside it, both in `aria-describedby`. */
export const AuditField = forwardRef<HTMLInputElement, AuditFieldProps>(function AuditField(
  { id, label, hint, problem, ...input },
  ref,
) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [hint ? hintId : null, problem ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={problem ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <input {...input} ref={ref} id={id} aria-invalid={problem ? true : undefined} aria-describedby={described || undefined} />
      {problem ? <FieldError id={errorId} text={problem} /> : null}
    </div>
  );
});

/** A problem of an audit form in the visitor's words. */
export function useAuditProblem(): (problem: InstantProblem | null) => string | null {
  const { t } = useTranslation('audit');
  return (problem) => (problem === null ? null : t(`problems.${problem}`));
}
