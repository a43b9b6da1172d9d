import type { ReactNode } from 'react';

type MessagePanelProps = { title: string; children?: ReactNode; testId?: string };

/** A full-width notice for not-found, forbidden and error states. */
export function MessagePanel({ title, children, testId }: MessagePanelProps) {
  return (
    <section className="message-panel" data-testid={testId} aria-labelledby="message-panel-title">
      <h1 id="message-panel-title">{title}</h1>
      {children}
    </section>
  );
}
