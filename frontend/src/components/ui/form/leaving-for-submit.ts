import type { FocusEvent } from 'react';

/**
 * Whether a field loses focus to its form's submit button. Checking the field then would show its
 * message, push the button down under the pointer, and swallow the click: the submission checks
 * every field anyway.
 */
export function leavingForSubmit(event: FocusEvent): boolean {
  const next = event.relatedTarget;
  return next instanceof HTMLButtonElement && next.type === 'submit';
}
