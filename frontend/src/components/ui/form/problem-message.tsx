import { useTranslation } from 'react-i18next';

import type { Problem } from '@/lib/validation';

/** A problem worded in the visitor's language. */
export function useProblemText(): (problem: Problem) => string {
  const { t } = useTranslation();
  const { t: tConsole } = useTranslation('console');
  return (problem) => {
    switch (problem.kind) {
      case 'tooShort':
        return t('validation.tooShort', { count: problem.min });
      case 'tooLong':
        return t('validation.tooLong', { count: problem.max });
      case 'console':
        return tConsole(`problems.${problem.key}`);
      default:
        return t(`validation.${problem.kind}`);
    }
  };
}

type FieldMessageProps = { id: string; problem: Problem };

/** The message shown right under a field, which the field names in `aria-describedby`. */
export function FieldMessage({ id, problem }: FieldMessageProps) {
  const describe = useProblemText();
  return <FieldError id={id} text={describe(problem)} />;
}

/** A field's problem, already worded, with its warning sign. */
export function FieldError({ id, text }: { id: string; text: string }) {
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
