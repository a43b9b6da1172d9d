import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionError, isStateConflict } from '@/components/ui/form/action-error';
import { TextCommandForm } from '@/components/ui/form/text-command-form';
import { useMoveTicket } from '@/features/tickets/api/move-ticket';
import { movesFrom, needsReason, takesReason, type TicketMove } from '@/features/tickets/components/ticket-moves';
import type { TicketStatus } from '@/features/tickets/types';

// domain/ticket.py refuses an empty note; command_api/schemas/tickets.py `Note` caps it.
const NOTE = { min: 1, max: 2000, multiline: true } as const;

type TicketMovesProps = { ticketId: string; status: TicketStatus };

/** The moves the transition table allows from the ticket's status, and only those: each asks
 * for its message or reason before it is sent. */
export function TicketMovesPanel({ ticketId, status }: TicketMovesProps) {
  const { t } = useTranslation('tickets');
  const [chosen, setChosen] = useState<TicketMove | null>(null);
  // A move refused because the ticket changed meanwhile: said here, above the moves now offered.
  const [refused, setRefused] = useState<unknown>(null);
  const move = useMoveTicket();
  const moves = movesFrom(status);

  async function send(chosenMove: TicketMove, note: string | null) {
    setRefused(null);
    try {
      await move.mutateAsync({ ticketId, move: chosenMove, note });
    } catch (error) {
      if (!isStateConflict(error)) throw error;
      setRefused(error);
      setChosen(null);
    }
  }
  return (
    <section className="card console-section" aria-labelledby="moves-title" data-testid="ticket-moves">
      <h2 id="moves-title">{t('moves.title')}</h2>
      {refused ? <ActionError error={refused} /> : null}
      {moves.length === 0 ? <p className="muted">{t('moves.none')}</p> : null}
      <div className="actions">
        {moves.map((candidate) => (
          <button
            key={candidate}
            type="button"
            className={candidate === chosen ? 'button button--primary' : 'button'}
            aria-expanded={candidate === chosen}
            onClick={() => setChosen(candidate === chosen ? null : candidate)}
          >
            {t(`moves.${candidate}`)}
          </button>
        ))}
      </div>
      {chosen && moves.includes(chosen) ? (
        <TextCommandForm
          key={chosen}
          id={`ticket-${chosen}-note`}
          label={takesReason(chosen) ? t('moves.reason') : t('moves.message')}
          hint={needsReason(chosen, status) ? t('moves.reasonHint') : t('moves.messageHint')}
          rule={{ ...NOTE, optional: !needsReason(chosen, status) }}
          field={takesReason(chosen) ? 'reason' : 'message'}
          submitLabel={t(`moves.confirm.${chosen}`)}
          onSubmit={(note) => send(chosen, note)}
          onDone={() => setChosen(null)}
          onCancel={() => setChosen(null)}
        />
      ) : null}
    </section>
  );
}
