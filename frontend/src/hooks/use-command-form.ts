import { useState } from 'react';

import type { Problems } from '@/lib/validation';

type Placed<Field extends string> = { problems: Problems<Field>; unplaced: unknown };

/**
 * The life of a form that sends one command: its fields' problems (found before sending, or
 * placed from the server's refusal), the refusal that names no field (worded beside the
 * button), and whether it is on its way. The first field with a problem takes the focus, so a
 * keyboard or screen-reader user lands on what to fix.
 */
export function useCommandForm<Field extends string>(formId: string, fields: readonly Field[]) {
  const [problems, setProblems] = useState<Problems<Field>>({});
  const [refusal, setRefusal] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const fieldId = (field: Field) => `${formId}-${field}`;

  function focusFirst(found: Problems<Field>): boolean {
    const first = fields.find((field) => found[field]);
    if (first === undefined) return false;
    document.getElementById(fieldId(first))?.focus();
    return true;
  }

  /** Sends unless `found` has problems; answers whether the command was taken. */
  async function submit(found: Problems<Field>, send: () => Promise<unknown>, place: (error: unknown) => Placed<Field>) {
    setRefusal(null);
    setProblems(found);
    if (focusFirst(found)) return false;
    setPending(true);
    try {
      await send();
      return true;
    } catch (error) {
      const placed = place(error);
      setProblems(placed.problems);
      setRefusal(placed.unplaced);
      focusFirst(placed.problems);
      return false;
    } finally {
      setPending(false);
    }
  }

  /** Drops a field's problem once its value changes, or sets the one `recheck` finds. */
  function revise(field: Field, problem: Problems<Field>[Field] | null) {
    setProblems((current) => (current[field] ? { ...current, [field]: problem ?? undefined } : current));
  }

  return { problems, refusal, pending, fieldId, submit, revise };
}
