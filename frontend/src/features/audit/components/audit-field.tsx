import { forwardRef, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

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
      {problem ? <FieldProblem id={errorId} text={problem} /> : null}
    </div>
  );
});

function FieldProblem({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} className="field__error">
      <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
        <path d="M10.3 3.1a2 2 0 0 1 3.4 0l8.6 15a2 2 0 0 1-1.7 3H3.4a2 2 0 0 1-1.7-3z" fill="currentColor" />
        <path d="M12 8.6v5.2" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" />
        <circle cx="12" cy="17.3" r="1.3" fill="#fff" />
      </svg>
      <span>{text}</span>
    </p>
  );
}

/** A problem of an audit form in the visitor's words. */
export function useAuditProblem(): (problem: InstantProblem | null) => string | null {
  const { t } = useTranslation('audit');
  return (problem) => (problem === null ? null : t(`problems.${problem}`));
}
