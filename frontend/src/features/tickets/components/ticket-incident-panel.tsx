import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ActionError } from '@/components/ui/form/action-error';
import { ImpactsField, type ChoosableBuilding, type ImpactOn } from '@/components/ui/form/equipment-choice';
import { SelectField } from '@/components/ui/form/select-field';
import { TextField } from '@/components/ui/form/text-field';
import { useConvertTicket } from '@/features/tickets/api/convert-ticket';
import { useLinkTicket } from '@/features/tickets/api/link-ticket';
import type { ManagedTicket } from '@/features/tickets/types';
import { checkText, hasProblems, placeRefusal, type Problem, type Problems } from '@/lib/validation';

type TicketIncidentProps = {
  ticket: ManagedTicket;
  buildings: ChoosableBuilding[];
  openIncidents: { id: string; title: string }[];
  incidentHref: (incidentId: string) => string;
  onConverted: (incidentId: string) => void;
};

/** The incident the ticket is one report of; until there is one, converting it into a new
 * incident or linking it to an open one. */
export function TicketIncidentPanel({ ticket, buildings, openIncidents, incidentHref, onConverted }: TicketIncidentProps) {
  const { t } = useTranslation('tickets');
  if (ticket.incident_id) {
    return (
      <section className="card console-section" aria-labelledby="ticket-incident-title">
        <h2 id="ticket-incident-title">{t('incident.title')}</h2>
        <p>{t('incident.linkedTo')}</p>
        <p>
          <Link to={incidentHref(ticket.incident_id)}>{t('ticket.openIncident')}</Link>
        </p>
      </section>
    );
  }
  return (
    <>
      <ConvertForm ticket={ticket} buildings={buildings} onConverted={onConverted} />
      <LinkForm ticketId={ticket.id} openIncidents={openIncidents} />
    </>
  );
}

// command_api/schemas/incidents.py `Title`.
const TITLE = { min: 3, max: 200 } as const;
type ConvertField = 'title' | 'impacts';

function convertFieldOf(path: string): ConvertField | null {
  if (path === 'title') return 'title';
  return path.startsWith('impacts') ? 'impacts' : null;
}

function ConvertForm({ ticket, buildings, onConverted }: Omit<TicketIncidentProps, 'openIncidents' | 'incidentHref'>) {
  const { t } = useTranslation('tickets');
  const { t: tConsole } = useTranslation('console');
  const { t: tCommon } = useTranslation();
  // The server affects every piece of the ticket's equipment (as `degraded` unless told): it is
  // ticked from the start and stays ticked.
  const named = ticket.equipment_ids.filter((id) => buildings.some((b) => b.equipment.some((e) => e.id === id)));
  const [title, setTitle] = useState(ticket.title);
  const [impacts, setImpacts] = useState<ImpactOn[]>(named.map((id) => ({ equipment_id: id, impact: 'degraded' })));
  const [problems, setProblems] = useState<Problems<ConvertField>>({});
  const [refusal, setRefusal] = useState<unknown>(null);
  // The equipment of every building is a long list: it unfolds when the manager means to convert.
  const [open, setOpen] = useState(false);
  const convert = useConvertTicket();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setRefusal(null);
    const found: Problems<ConvertField> = {};
    const titleProblem = checkText(title, TITLE);
    if (titleProblem) found.title = titleProblem;
    if (impacts.length === 0) found.impacts = { kind: 'chooseEquipment' };
    setProblems(found);
    if (hasProblems(found)) return;
    try {
      const receipt = await convert.mutateAsync({ ticketId: ticket.id, impacts, title: title.trim() });
      onConverted(receipt.id);
    } catch (error) {
      const placed = placeRefusal(error, convertFieldOf, { title: TITLE });
      setProblems(placed.problems);
      setRefusal(placed.unplaced);
    }
  }

  return (
    <section className="card console-section" aria-labelledby="convert-title">
      <h2 id="convert-title">{t('incident.convertTitle')}</h2>
      <p className="field__hint">{t('incident.convertIntro')}</p>
      {open ? null : (
        <p>
          <button type="button" className="button" onClick={() => setOpen(true)}>
            {t('incident.convertStart')}
          </button>
        </p>
      )}
      {open ? (
        <form className="console-form" onSubmit={submit} noValidate>
          <TextField
            id="convert-incident-title"
            label={t('incident.incidentTitle')}
            hint={tCommon('form.lengthHint', TITLE)}
            value={title}
            problem={problems.title}
            onChange={(event) => setTitle(event.target.value)}
          />
          <ImpactsField
            id="convert-impacts"
            legend={t('incident.impacts')}
            hint={named.length > 0 ? tConsole('equipment.lockedHint') : tConsole('equipment.impactsHint')}
            buildings={buildings}
            value={impacts}
            locked={named}
            problem={problems.impacts}
            onChange={setImpacts}
          />
          {refusal ? <ActionError error={refusal} /> : null}
          <button type="submit" className="button button--primary" disabled={convert.isPending}>
            {convert.isPending ? tConsole('common.sending') : t('incident.convert')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function LinkForm({ ticketId, openIncidents }: { ticketId: string; openIncidents: { id: string; title: string }[] }) {
  const { t } = useTranslation('tickets');
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>();
  const link = useLinkTicket();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chosen === '') {
      setProblem({ kind: 'required' });
      return;
    }
    setProblem(undefined);
    link.mutate({ ticketId, incidentId: chosen });
  }

  return (
    <section className="card console-section" aria-labelledby="link-title">
      <h2 id="link-title">{t('incident.linkTitle')}</h2>
      {openIncidents.length === 0 ? (
        <p className="muted">{t('incident.noOpenIncident')}</p>
      ) : (
        <form className="inline-form" onSubmit={submit} noValidate>
          <SelectField
            id="link-incident"
            label={t('incident.linkLabel')}
            placeholder={t('incident.linkChoose')}
            options={openIncidents.map((incident) => ({ id: incident.id, name: incident.title }))}
            value={chosen}
            problem={problem}
            onChange={setChosen}
          />
          <button type="submit" className="button" disabled={link.isPending}>
            {t('incident.link')}
          </button>
          {link.isError ? <ActionError error={link.error} /> : null}
        </form>
      )}
    </section>
  );
}
