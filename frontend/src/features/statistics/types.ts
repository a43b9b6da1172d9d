import type { components } from '@/types/api/query';

export type EquipmentFigures = components['schemas']['EquipmentStatistics'];

/** `incidents_per_day`: one entry per UTC day of the period, `YYYY-MM-DD` → incidents that began that day. */
export type Statistics = components['schemas']['Statistics'];

/** The period asked for: the last 12 months (the API's default), a calendar year, or any days. */
export type Period = { kind: 'last12' } | { kind: 'year'; year: number } | { kind: 'custom'; from: string; to: string };
