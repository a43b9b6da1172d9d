// TODO(api-types): `GET /copros/{id}/statistics` answers an untyped object in the OpenAPI
// document today (query_api/views/statistics.py gives its shape).

export type EquipmentFigures = {
  id: string;
  name: string;
  code: string | null;
  building_id: string;
  retired: boolean;
  incidents: number;
  mean_hours_to_resolve: number | null;
  max_hours_to_resolve: number | null;
  availability_percent: number | null;
  observed_hours: number;
  available_hours: number;
};

export type Statistics = {
  from: string;
  to: string;
  period_start: string;
  period_end: string;
  time_zone: string;
  incidents_total: number;
  /** One entry per UTC day of the period, `YYYY-MM-DD` → incidents that began that day. */
  incidents_per_day: Record<string, number>;
  equipment: EquipmentFigures[];
  formula: string;
};

/** The period asked for: the last 12 months (the API's default), a calendar year, or any days. */
export type Period = { kind: 'last12' } | { kind: 'year'; year: number } | { kind: 'custom'; from: string; to: string };
