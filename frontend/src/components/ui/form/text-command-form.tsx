import { useState, type FormEvent, type ReactNode } from 'react';

import { ActionError } from '@/components/ui/form/action-error';
import { FormActions } from '@/components/ui/form/form-actions';
import { TextField } from '@/components/ui/form/text-field';
import { checkText, placeRefusal, type Problem, type TextRule } from '@/lib/validation';

type TextCommandFormProps = {
  id: string;
  label: string;
  hint?: string;
  rule: TextRule;
  /** The body field the server names when it refuses the text. */
  field: string;
  submitLabel: string;
  /** Sends the text (null when an optional one was left empty); a rejection is shown here. */
  onSubmit: (text: string | null) => Promise<unknown>;
  onDone?: () => void;
  onCancel?: () => void;
  /** More choices sent with the text (e.g. a status), above it. */
  children?: ReactNode;
  className?: string;
  testId?: string;
};

/**
 * A command whose body is mostly one text: a comment, a reply, a reason, a timeline update. The
 * text is checked as the server would before sending; a refusal appears next to the field it
 * names, or next to the button when it is about the action.
 */
export function TextCommandForm({
  id,
  label,
  hint,
  rule,
  field,
  submitLabel,
  onSubmit,
  onDone,
  onCancel,
  children,
  className,
  testId,
}: TextCommandFormProps) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>();
  const [refusal, setRefusal] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setRefusal(null);
    const found = checkText(text, rule) ?? undefined;
    setProblem(found);
    if (found) {
      document.getElementById(id)?.focus();
      return;
    }
    setPending(true);
    try {
      const trimmed = text.trim();
      await onSubmit(trimmed === '' ? null : trimmed);
      setText('');
      onDone?.();
    } catch (error) {
      const placed = placeRefusal(error, (path) => (path === field ? 'text' : null), { text: rule });
      setProblem(placed.problems.text);
      setRefusal(placed.unplaced);
    } finally {
      setPending(false);
    }
  }

  return (
    <form className={['text-command', className].filter(Boolean).join(' ')} onSubmit={submit} noValidate data-testid={testId}>
      {children}
      <TextField
        multiline
        id={id}
        label={label}
        hint={hint}
        optional={rule.optional}
        rows={3}
        value={text}
        problem={problem}
        onChange={(event) => {
          setText(event.target.value);
          if (problem) setProblem(checkText(event.target.value, rule) ?? undefined);
        }}
      />
      {refusal ? <ActionError error={refusal} /> : null}
      <FormActions submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
