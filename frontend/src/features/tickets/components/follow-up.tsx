import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

import type { InternalComment, ManagedTicket, TicketTimelineEntry } from '@/features/tickets/types';
import { formatDateTime } from '@/lib/format-date';

/** One step of a ticket as its managers follow it: a public entry (what the reporter sees) or an
 * internal comment (what they never see). */
export type FollowUpEntry =
  | { side: 'public'; at: string; entry: TicketTimelineEntry }
  | { side: 'internal'; at: string; comment: InternalComment };

/** The public timeline and the internal comments, interleaved by time, oldest first. */
export function followUpOf(ticket: Pick<ManagedTicket, 'timeline' | 'comments'>): FollowUpEntry[] {
  const entries: FollowUpEntry[] = [
    ...ticket.timeline.map((entry) => ({ side: 'public' as const, at: entry.at, entry })),
    ...ticket.comments.map((comment) => ({ side: 'internal' as const, at: comment.at, comment })),
  ];
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

const KINDS = ['reported', 'started', 'resolved', 'closed', 'reopened', 'replied'] as const;

type FollowUpProps = { ticket: ManagedTicket; personName: (id: string) => string };

/** Every step of the ticket; public replies and internal comments each say what they are in
 * words and with their own mark, never by colour alone. */
export function FollowUp({ ticket, personName }: FollowUpProps) {
  const { t } = useTranslation('tickets');
  return (
    <section className="card console-section" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t('timeline.title')}</h2>
      <p className="field__hint">{t('timeline.legend')}</p>
      <ol className="follow-up">
        {followUpOf(ticket).map((item, index) => (
          <FollowUpItem key={`${item.at}-${index}`} item={item} personName={personName} />
        ))}
      </ol>
    </section>
  );
}

function FollowUpItem({ item, personName }: { item: FollowUpEntry; personName: (id: string) => string }) {
  const { t, i18n } = useTranslation('tickets');
  const language = i18n.resolvedLanguage ?? 'fr';
  const authorId = item.side === 'internal' ? item.comment.author_id : item.entry.author_id;
  const text = item.side === 'internal' ? item.comment.text : item.entry.text;
  const look = item.side === 'internal' ? 'internal' : item.entry.kind === 'replied' ? 'reply' : 'status';
  const kind = item.side === 'public' ? KINDS.find((known) => known === item.entry.kind) : undefined;
  const label =
    look === 'internal'
      ? t('timeline.internalComment')
      : look === 'reply'
        ? t('timeline.publicReply')
        : kind
          ? t(`timeline.kinds.${kind}`)
          : t('timeline.statusChange');
  return (
    <li className={`follow-up__item follow-up__item--${look}`} data-testid={`follow-up-${look}`}>
      <p className="follow-up__head">
        {MARKS[look]}
        <strong className="follow-up__label">{label}</strong>
        <time dateTime={item.at}>{formatDateTime(item.at, language)}</time>
        {authorId ? <span className="muted">{t('timeline.by', { name: personName(authorId) })}</span> : null}
      </p>
      {text ? <p className="follow-up__text">{text}</p> : null}
    </li>
  );
}

const MARKS: Record<'internal' | 'reply' | 'status', ReactElement> = {
  // A padlock: kept among managers.
  internal: (
    <svg className="follow-up__mark" viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
      <rect x="4.5" y="10.5" width="15" height="10" rx="2" fill="currentColor" />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="2.2" />
    </svg>
  ),
  // A speech bubble: said to the reporter.
  reply: (
    <svg className="follow-up__mark" viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d="M4 4h16a1.5 1.5 0 0 1 1.5 1.5v10A1.5 1.5 0 0 1 20 17H10l-5 4v-4H4a1.5 1.5 0 0 1-1.5-1.5v-10A1.5 1.5 0 0 1 4 4z" fill="currentColor" />
    </svg>
  ),
  // A dot on a line: a step of the ticket's life.
  status: (
    <svg className="follow-up__mark" viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="5" fill="currentColor" />
    </svg>
  ),
};
