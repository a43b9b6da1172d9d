/** Where an incident stands (PRODUCT.md, "Incidents"). */
export const INCIDENT_STATUSES = ['investigating', 'in_progress', 'resolved', 'closed'] as const;

export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
