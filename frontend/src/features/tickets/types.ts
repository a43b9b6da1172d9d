import type { components } from '@/types/api/command';

export type TicketReport = components['schemas']['TicketReport'];
export type TicketType = components['schemas']['TicketType'];
export type Receipt = components['schemas']['Receipt'];

export type TicketStatus = 'analyzing' | 'in_progress' | 'resolved' | 'closed';

// TODO(api-types): `GET /me/tickets` and `GET /tickets/{id}` answer an untyped object in the
// OpenAPI document today (query_api/views/tickets.py gives their shape); once they have response
// models these become aliases of `components['schemas'][…]` from '@/types/api/query'.

export type MyTicket = {
  id: string;
  copro_id: string;
  copro_name: string | null;
  type: TicketType;
  title: string;
  status: TicketStatus;
  reported_at: string;
  updated_at: string;
  equipment_ids: string[];
  incident_id: string | null;
  reply_count: number;
};

export type MyTickets = { items: MyTicket[]; total: number };

/** One public entry of a ticket's timeline: its report, each move, each reply. */
export type TicketTimelineEntry = {
  at: string;
  kind: 'reported' | 'started' | 'resolved' | 'closed' | 'reopened' | 'replied' | string;
  status: TicketStatus | null;
  text: string | null;
  author_id: string | null;
};

export type TicketDetail = Omit<MyTicket, 'copro_name'> & {
  description: string;
  location: string | null;
  reporter_kind: string;
  timeline: TicketTimelineEntry[];
};

/** What the report form offers to pick from: the status page's buildings and equipment. */
export type PickableBuilding = {
  id: string;
  name: string;
  equipment: { id: string; name: string; location?: string | null }[];
};

// TODO(api-types): `GET /copros/{id}/tickets` and the managers' `GET /tickets/{id}` answer untyped
// objects today (query_api/views/tickets.py `board` and `for_manager` give their shape).

/** A ticket as the managers' board lists it. */
export type BoardTicket = Omit<MyTicket, 'copro_name'> & {
  location: string | null;
  assignee_id: string | null;
  reporter_kind: string;
  comment_count: number;
};

export type TicketBoard = { items: BoardTicket[]; total: number };

/** What the board is narrowed to; `page` counts from 0. */
export type BoardFilters = {
  status: TicketStatus | null;
  type: TicketType | null;
  assigneeId: string | null;
  q: string;
  page: number;
};

/** An internal comment: for the condo's managers only. */
export type InternalComment = { at: string; author_id: string | null; text: string };

/** Who reported, and how to reach them (nothing once their data was erased). */
export type TicketReporter = {
  id: string | null;
  kind: string;
  name: string | null;
  email: string | null;
  phone: string | null;
};

/** A ticket as its condo's managers read it: the public part, and what only they see. */
export type ManagedTicket = TicketDetail & {
  assignee_id: string | null;
  comment_count: number;
  comments: InternalComment[];
  reporter: TicketReporter;
};
