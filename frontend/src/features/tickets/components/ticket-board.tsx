import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { MessagePanel } from '@/components/ui/message-panel';
import { Pager } from '@/components/ui/pager';
import { Spinner } from '@/components/ui/spinner';
import { BOARD_PAGE_SIZE, useTicketBoard } from '@/features/tickets/api/get-ticket-board';
import { TICKET_STATUSES, TICKET_TYPES, useBoardFilters } from '@/features/tickets/components/board-filters';
import { ticketReference } from '@/features/tickets/components/report-confirmation';
import { TicketStatusPill } from '@/features/tickets/components/ticket-status';
import type { BoardFilters, BoardTicket } from '@/features/tickets/types';
import { formatDateTime } from '@/lib/format-date';

type TicketBoardProps = {
  coproId: string;
  /** The condo's active managers, to filter by assignee. */
  managers: { id: string; name: string }[];
  /** Names of people and equipment by id. */
  personName: (id: string) => string;
  equipmentName: (id: string) => string;
  ticketHref: (ticketId: string) => string;
};

/** The managers' board: every ticket of the condo, filtered, searched and paged. */
export function TicketBoard({ coproId, managers, personName, equipmentName, ticketHref }: TicketBoardProps) {
  const { t } = useTranslation('tickets');
  const { t: tConsole } = useTranslation('console');
  const [filters, change] = useBoardFilters();
  const board = useTicketBoard(coproId, filters);
  const filtered = filters.status !== null || filters.type !== null || filters.assigneeId !== null || filters.q.trim() !== '';
  return (
    <>
      <BoardFiltersForm key={filters.q} filters={filters} managers={managers} onChange={change} />
      {board.isPending ? <Spinner label={t('board.loading')} /> : null}
      {board.isError && !board.data ? (
        <MessagePanel title={t('board.errorTitle')} level={2}>
          <button type="button" className="button" onClick={() => void board.refetch()}>
            {tConsole('error.retry')}
          </button>
        </MessagePanel>
      ) : null}
      {board.data ? (
        <>
          <p className="board__count" role="status" aria-live="polite">
            {t('board.count', { count: board.data.total })}
          </p>
          {board.data.items.length === 0 ? (
            <p className="card console-empty">{filtered ? t('board.emptyFiltered') : t('board.empty')}</p>
          ) : (
            <ul className="board" aria-busy={board.isFetching}>
              {board.data.items.map((ticket) => (
                <BoardRow
                  key={ticket.id}
                  ticket={ticket}
                  href={ticketHref(ticket.id)}
                  personName={personName}
                  equipmentName={equipmentName}
                />
              ))}
            </ul>
          )}
          <Pager
            page={filters.page}
            pageSize={BOARD_PAGE_SIZE}
            total={board.data.total}
            label={t('board.pages')}
            onPage={(page) => change({ page })}
          />
        </>
      ) : null}
    </>
  );
}

type FiltersFormProps = {
  filters: BoardFilters;
  managers: { id: string; name: string }[];
  onChange: (change: Partial<BoardFilters>) => void;
};

/** Lists narrow at once; the search waits for its button (or Enter), not for each keystroke. */
function BoardFiltersForm({ filters, managers, onChange }: FiltersFormProps) {
  const { t } = useTranslation('tickets');
  const { t: tCommon } = useTranslation();
  const [q, setQ] = useState(filters.q);
  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onChange({ q });
  }
  return (
    <form className="board-filters card" role="search" aria-label={t('board.filters')} onSubmit={search}>
      <div className="field board-filters__search">
        <label htmlFor="board-q">{t('board.search')}</label>
        <div className="board-filters__query">
          <input
            id="board-q"
            type="search"
            value={q}
            aria-describedby="board-q-hint"
            onChange={(event) => setQ(event.target.value)}
          />
          <button type="submit" className="button">
            {t('board.searchButton')}
          </button>
        </div>
        <p id="board-q-hint" className="field__hint">
          {t('board.searchHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="board-status">{t('board.status')}</label>
        <select
          id="board-status"
          value={filters.status ?? ''}
          onChange={(event) => onChange({ status: TICKET_STATUSES.find((status) => status === event.target.value) ?? null })}
        >
          <option value="">{t('board.anyStatus')}</option>
          {TICKET_STATUSES.map((status) => (
            <option key={status} value={status}>
              {tCommon(`ticketStatus.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="board-type">{t('board.type')}</label>
        <select
          id="board-type"
          value={filters.type ?? ''}
          onChange={(event) => onChange({ type: TICKET_TYPES.find((type) => type === event.target.value) ?? null })}
        >
          <option value="">{t('board.anyType')}</option>
          {TICKET_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`types.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="board-assignee">{t('board.assignee')}</label>
        <select
          id="board-assignee"
          value={filters.assigneeId ?? ''}
          onChange={(event) => onChange({ assigneeId: event.target.value || null })}
        >
          <option value="">{t('board.anyone')}</option>
          {managers.map((manager) => (
            <option key={manager.id} value={manager.id}>
              {manager.name}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

type BoardRowProps = {
  ticket: BoardTicket;
  href: string;
  personName: (id: string) => string;
  equipmentName: (id: string) => string;
};

function BoardRow({ ticket, href, personName, equipmentName }: BoardRowProps) {
  const { t, i18n } = useTranslation('tickets');
  const language = i18n.resolvedLanguage ?? 'fr';
  return (
    <li className="board__row card" data-testid={`board-ticket-${ticket.id}`}>
      <div className="board__title">
        <h2>
          <Link to={href}>{ticket.title}</Link>
        </h2>
        <TicketStatusPill status={ticket.status} />
      </div>
      <p className="board__meta">
        <span className="reference-inline">{ticketReference(ticket.id)}</span>
        <span>{t(`types.${ticket.type}`)}</span>
        <span>
          <time dateTime={ticket.reported_at}>{formatDateTime(ticket.reported_at, language)}</time>
        </span>
        {ticket.equipment_ids.length > 0 ? <span>{ticket.equipment_ids.map(equipmentName).join(', ')}</span> : null}
      </p>
      <p className="board__meta">
        <span>{ticket.assignee_id ? t('board.assignedTo', { name: personName(ticket.assignee_id) }) : t('board.unassigned')}</span>
        {ticket.comment_count > 0 ? <span>{t('board.comments', { count: ticket.comment_count })}</span> : null}
        {ticket.reply_count > 0 ? <span>{t('board.replies', { count: ticket.reply_count })}</span> : null}
        {ticket.incident_id ? <span>{t('board.linked')}</span> : null}
      </p>
    </li>
  );
}
