import { useId, type ReactNode } from 'react';

type MessagePanelProps = { title: string; children?: ReactNode; testId?: string; level?: 1 | 2 };

/** A full-width notice for not-found, forbidden and error states. */
export function MessagePanel({ title, children, testId, level = 1 }: MessagePanelProps) {
  const headingId = useId();
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <section className="message-panel" data-testid={testId} aria-labelledby={headingId}>
      <Heading id={headingId}>{title}</Heading>
      {children}
    </section>
  );
}
