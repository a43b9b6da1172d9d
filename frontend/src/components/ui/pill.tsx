import type { ReactElement } from 'react';

/** How far along something is: being looked at, being worked on, done, closed. */
export type PillTone = 'looking' | 'working' | 'done' | 'closed';

type PillProps = { tone: PillTone; label: string; testId?: string };

/** A short state label (an incident's or a ticket's): words first, a shape beside them, never
 * colour alone. */
export function Pill({ tone, label, testId }: PillProps) {
  return (
    <span className={`pill pill--${tone}`} data-testid={testId} data-tone={tone}>
      <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
        {GLYPHS[tone]}
      </svg>
      {label}
    </span>
  );
}

const GLYPHS: Record<PillTone, ReactElement> = {
  looking: (
    <>
      <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.4" />
      <path d="M15.5 15.5l5.5 5.5" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" />
    </>
  ),
  working: (
    <path
      d="M12 3a9 9 0 1 0 9 9h-3a6 6 0 1 1-6-6z"
      fill="currentColor"
    />
  ),
  done: (
    <>
      <circle cx="12" cy="12" r="10" fill="currentColor" />
      <path d="M7 12.4l3.3 3.3L17.2 8.6" fill="none" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
    </>
  ),
  closed: (
    <>
      <rect x="3" y="3" width="18" height="18" rx="3" fill="currentColor" />
      <path d="M8 12h8" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
    </>
  ),
};
