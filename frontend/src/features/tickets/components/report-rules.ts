import type { TicketReport, TicketType } from '@/features/tickets/types';
import {
  checkEmail,
  checkFrenchPhone,
  checkText,
  type Problems,
  type TextRule,
} from '@/lib/validation';

/** The report form's fields, in the order a visitor meets them. */
export const REPORT_FIELDS = ['type', 'title', 'description', 'location', 'equipment', 'name', 'email', 'phone'] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

export type ReportValues = {
  type: TicketType;
  title: string;
  description: string;
  location: string;
  equipmentIds: string[];
  name: string;
  email: string;
  phone: string;
};

/** The server's rules (command_api/schemas/tickets.py, PRODUCT.md "Tickets"). */
export const REPORT_RULES = {
  title: { min: 3, max: 120 },
  description: { min: 10, max: 5000, multiline: true },
  location: { min: 3, max: 200, optional: true },
  name: { min: 2, max: 100 },
} satisfies Partial<Record<ReportField, TextRule>>;

export const MAX_EQUIPMENT = 50;

export const EMPTY_REPORT: ReportValues = {
  type: 'incident',
  title: '',
  description: '',
  location: '',
  equipmentIds: [],
  name: '',
  email: '',
  phone: '',
};

/** Every problem of the form as it stands; contact details count only for an anonymous visitor. */
export function checkReport(values: ReportValues, anonymous: boolean): Problems<ReportField> {
  const problems: Problems<ReportField> = {
    title: checkText(values.title, REPORT_RULES.title) ?? undefined,
    description: checkText(values.description, REPORT_RULES.description) ?? undefined,
    location: checkText(values.location, REPORT_RULES.location) ?? undefined,
    equipment: checkEquipment(values) ?? undefined,
  };
  if (anonymous) {
    problems.name = checkText(values.name, REPORT_RULES.name) ?? undefined;
    problems.email = checkEmail(values.email) ?? undefined;
    problems.phone = checkFrenchPhone(values.phone, true) ?? undefined;
  }
  return Object.fromEntries(Object.entries(problems).filter(([, problem]) => problem)) as Problems<ReportField>;
}

function checkEquipment(values: ReportValues) {
  // Something broken names what is broken; a request may name nothing.
  if (values.type === 'incident' && values.equipmentIds.length === 0) return { kind: 'chooseEquipment' } as const;
  if (values.equipmentIds.length > MAX_EQUIPMENT) return { kind: 'tooLong', max: MAX_EQUIPMENT } as const;
  return null;
}

/** The body of `POST /copros/{id}/tickets`, trimmed as the server would. */
export function toTicketReport(values: ReportValues, anonymous: boolean): TicketReport {
  const location = values.location.trim();
  const report: TicketReport = {
    type: values.type,
    title: values.title.trim(),
    description: values.description.trim(),
    location: location === '' ? null : location,
    equipment_ids: values.equipmentIds,
  };
  if (anonymous) {
    const phone = values.phone.trim();
    report.reporter = { name: values.name.trim(), email: values.email.trim(), phone: phone === '' ? null : phone };
  }
  return report;
}

/** The form field a server error's dotted path names (`reporter.phone` → phone), or null. */
export function reportFieldOf(path: string): ReportField | null {
  const [head, sub] = path.split('.');
  if (head === 'reporter') {
    if (sub === 'name' || sub === undefined) return 'name';
    if (sub === 'email' || sub === 'phone') return sub;
    return null;
  }
  if (head === 'equipment_ids') return 'equipment';
  if (head === 'type' || head === 'title' || head === 'description' || head === 'location') return head;
  return null;
}
