import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

import { FieldMessage } from '@/components/ui/form/problem-message';
import type { Problem } from '@/lib/validation';

type Common = {
  id: string;
  label: string;
  hint?: string;
  problem?: Problem;
  optional?: boolean;
};

type InputProps = Common & { multiline?: false } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;
type AreaProps = Common & { multiline: true } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

/**
 * A labelled text input (or text area) with its hint and its problem beside it: both are named
 * by `aria-describedby`, and a problem sets `aria-invalid`, so a screen reader hears them too.
 */
export function TextField(props: InputProps | AreaProps) {
  const { t } = useTranslation();
  const { id, label, hint, problem, optional, ...control } = props;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [hint ? hintId : null, problem ? errorId : null].filter(Boolean).join(' ');
  const aria = {
    id,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': described || undefined,
  };
  return (
    <div className={problem ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional ? <span className="field__optional"> {t('form.optional')}</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {control.multiline ? (
        <textarea {...withoutMultiline(control)} {...aria} />
      ) : (
        <input {...withoutMultiline(control)} {...aria} />
      )}
      {problem ? <FieldMessage id={errorId} problem={problem} /> : null}
    </div>
  );
}

function withoutMultiline<T extends { multiline?: boolean }>(control: T): Omit<T, 'multiline'> {
  const { multiline: _ignored, ...rest } = control;
  return rest;
}
