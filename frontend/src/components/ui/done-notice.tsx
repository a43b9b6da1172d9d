import './done-notice.css';

/** What a command just did, said politely once it is done (empty until then). */
export function DoneNotice({ text, testId }: { text: string; testId?: string }) {
  return (
    <p className="done-notice" role="status" data-testid={testId}>
      {text}
    </p>
  );
}
