import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { ChoosableBuilding } from '@/components/ui/form/equipment-choice';
import { TextCommandForm } from '@/components/ui/form/text-command-form';
import { useWriteOnTicket, type TicketNote } from '@/features/tickets/api/write-on-ticket';
import { AssignForm } from '@/features/tickets/components/assign-form';
import { FollowUp } from '@/features/tickets/components/follow-up';
import { ticketReference } from '@/features/tickets/components/report-confirmation';
import { TicketIncidentPanel } from '@/features/tickets/components/ticket-incident-panel';
import { TicketMovesPanel } from '@/features/tickets/components/ticket-moves-panel';
import { TicketStatusPill } from '@/features/tickets/components/ticket-status';
import type { ManagedTicket, TicketReporter } from '@/features/tickets/types';
import { formatDateTime } from '@/lib/format-date';

type ManagedTicketProps = {
  ticket: ManagedTicket;
  managers: { id: string; name: string }[];
  personName: (id: string) => string;
  equipmentName: (id: string) => string;
  buildings: ChoosableBuilding[];
  openIncidents: { id: string; title: string }[];
  boardHref: string;
  incidentHref: (incidentId: string) => string;
  onConverted: (incidentId: string) => void;
};

// command_api/schemas/incidents.py `Comment` (tickets' comments and replies use it too).
const NOTE_TEXT = { min: 1, max: 5000, multiline: true } as const;

/** A ticket as its managers work on it: what was reported and by whom, its follow-up, and every
 * command its state allows. */
export function ManagedTicketView({
  ticket,
  managers,
  personName,
  equipmentName,
  buildings,
  openIncidents,
  boardHref,
  incidentHref,
  onConverted,
}: ManagedTicketProps) {
  const { t, i18n } = useTranslation('tickets');
  const language = i18n.resolvedLanguage ?? 'fr';
  return (
    <article className="console-page managed-ticket" data-testid="managed-ticket">
      <p className="back-link">
        <Link to={boardHref}>← {t('ticket.back')}</Link>
      </p>
      <header className="console-page__header">
        <h1>{ticket.title}</h1>
        <TicketStatusPill status={ticket.status} />
      </header>
      <div className="managed-ticket__columns">
        <div className="managed-ticket__main">
          <section className="card console-section" aria-labelledby="ticket-facts">
            <h2 id="ticket-facts" className="visually-hidden">
              {t('ticket.description')}
            </h2>
            <dl className="facts">
              <dt>{t('ticket.reference')}</dt>
              <dd className="reference-inline">{ticketReference(ticket.id)}</dd>
              <dt>{t('ticket.type')}</dt>
              <dd>{t(`types.${ticket.type}`)}</dd>
              <dt>{t('ticket.reportedAt')}</dt>
              <dd>
                <time dateTime={ticket.reported_at}>{formatDateTime(ticket.reported_at, language)}</time>
              </dd>
              <dt>{t('ticket.equipment')}</dt>
              <dd>{ticket.equipment_ids.length > 0 ? ticket.equipment_ids.map(equipmentName).join(', ') : t('ticket.noEquipment')}</dd>
              {ticket.location ? (
                <>
                  <dt>{t('ticket.location')}</dt>
                  <dd>{ticket.location}</dd>
                </>
              ) : null}
            </dl>
            <p className="managed-ticket__description">{ticket.description}</p>
          </section>
          <FollowUp ticket={ticket} personName={personName} />
          <div className="managed-ticket__notes">
            <NoteForm ticketId={ticket.id} note="comments" />
            <NoteForm ticketId={ticket.id} note="replies" />
          </div>
        </div>
        <aside className="managed-ticket__side">
          <Reporter reporter={ticket.reporter} />
          <section className="card console-section" aria-labelledby="assign-title">
            <h2 id="assign-title">{t('assign.title')}</h2>
            <AssignForm ticketId={ticket.id} assigneeId={ticket.assignee_id} managers={managers} />
          </section>
          <TicketMovesPanel ticketId={ticket.id} status={ticket.status} />
          <TicketIncidentPanel
            ticket={ticket}
            buildings={buildings}
            openIncidents={openIncidents}
            incidentHref={incidentHref}
            onConverted={onConverted}
          />
        </aside>
      </div>
    </article>
  );
}

function Reporter({ reporter }: { reporter: TicketReporter }) {
  const { t } = useTranslation('tickets');
  const erased = reporter.name === null && reporter.email === null;
  return (
    <section className="card console-section" aria-labelledby="reporter-title">
      <h2 id="reporter-title">{t('ticket.reporter')}</h2>
      <p className="muted small">{reporter.kind === 'resident' ? t('ticket.reporterResident') : t('ticket.reporterAnonymous')}</p>
      {erased ? <p>{t('ticket.reporterErased')}</p> : null}
      {reporter.name ? <p className="reporter__name">{reporter.name}</p> : null}
      {erased ? null : (
        <dl className="facts facts--stacked">
          {reporter.email ? (
            <>
              <dt>{t('ticket.email')}</dt>
              <dd>
                <a href={`mailto:${reporter.email}`}>{reporter.email}</a>
              </dd>
            </>
          ) : null}
          {reporter.phone ? (
            <>
              <dt>{t('ticket.phone')}</dt>
              <dd>
                <a href={`tel:${reporter.phone}`}>{reporter.phone}</a>
              </dd>
            </>
          ) : null}
        </dl>
      )}
    </section>
  );
}

/** An internal comment or a public reply: each form says plainly who will read it. */
function NoteForm({ ticketId, note }: { ticketId: string; note: TicketNote }) {
  const { t } = useTranslation('tickets');
  const write = useWriteOnTicket();
  const internal = note === 'comments';
  return (
    <div className={`card console-section note-form note-form--${internal ? 'internal' : 'reply'}`}>
      <TextCommandForm
        id={`ticket-${note}`}
        label={internal ? t('write.comment') : t('write.reply')}
        hint={internal ? t('write.commentHint') : t('write.replyHint')}
        rule={NOTE_TEXT}
        field="text"
        submitLabel={internal ? t('write.commentSubmit') : t('write.replySubmit')}
        onSubmit={(text) => write.mutateAsync({ ticketId, note, text: text ?? '' })}
      />
    </div>
  );
}
