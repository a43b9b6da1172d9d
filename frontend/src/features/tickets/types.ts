import type { components } from '@/types/api/command';
import type { components as QueryComponents } from '@/types/api/query';

type Answers = QueryComponents['schemas'];

export type TicketReport = components['schemas']['TicketReport'];
export type TicketType = components['schemas']['TicketType'];
export type Receipt = components['schemas']['Receipt'];

export type TicketStatus = Answers['MyTicket']['status'];

export type MyTicket = Answers['MyTicket'];

export type MyTickets = Answers['Page_MyTicket_'];

/** One public entry of a ticket's timeline: its report, each move, each reply. */
export type TicketTimelineEntry = Answers['TicketTimelineEntry'];

/** A ticket as its reporter reads it: the public part only. */
export type TicketDetail = Answers['ReportedTicket'];

/** What the report form offers to pick from: the status page's buildings and equipment. */
export type PickableBuilding = {
  id: string;
  name: string;
  equipment: { id: string; name: string; location?: string | null }[];
};

/** A ticket as the managers' board lists it. */
export type BoardTicket = Answers['BoardTicket'];

export type TicketBoard = Answers['Page_BoardTicket_'];

/** What the board is narrowed to; `page` counts from 0. */
export type BoardFilters = {
  status: TicketStatus | null;
  type: TicketType | null;
  assigneeId: string | null;
  q: string;
  page: number;
};

/** An internal comment: for the condo's managers only. */
export type InternalComment = Answers['InternalComment'];

/** Who reported, and how to reach them (nothing once their data was erased). */
export type TicketReporter = Answers['TicketReporter'];

/** A ticket as its condo's managers read it: the public part, and what only they see. */
export type ManagedTicket = Answers['ManagedTicket'];
