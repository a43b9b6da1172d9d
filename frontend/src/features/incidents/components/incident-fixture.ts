import type { Incident } from '@/features/incidents/types';

/** An incident as `GET /incidents/{id}` answers a manager, for component tests. */
export const INCIDENT: Incident = {
  id: 'i-1',
  copro_id: 'c-1',
  title: 'Ascenseur A1 en panne',
  message: 'Bloqué au 3e étage.',
  location: null,
  status: 'investigating',
  impact: 'major_outage',
  started_at: '2026-03-01T08:00:00Z',
  resolved_at: null,
  updated_at: '2026-03-01T08:00:00Z',
  reporter_count: 2,
  equipment: [{ id: 'e-1', name: 'Ascenseur A1', impact: 'major_outage' }],
  version: 3,
  timeline: [{ at: '2026-03-01T08:00:00Z', status: 'investigating', status_changed: true, message: 'Bloqué au 3e étage.' }],
  comments: [],
};
