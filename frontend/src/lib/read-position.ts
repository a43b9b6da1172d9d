/**
 * The newest event-log position this visitor knows the server has reached: from the answer to
 * one of their commands or from the live stream. Reads pass it as `X-Copro-After`, so a saved
 * change or an announced one is on screen at once, never an older state.
 */
let known: number | undefined;

export function notePosition(position: number): void {
  if (Number.isSafeInteger(position) && (known === undefined || position > known)) known = position;
}

export function knownPosition(): number | undefined {
  return known;
}
