import type { components } from '@/types/api/query';

type Schemas = components['schemas'];

export type Copro = Schemas['Copro'];

/** `reason`: why the status is what it is (`manual`, `incident`, `maintenance`); `under_maintenance`: a window in progress names it, whatever status it shows. */
export type Equipment = Schemas['ShownEquipment'];

export type Building = Schemas['ShownBuilding'];

export type { IncidentStatus } from '@/types/incident-status';
export type Impact = Schemas['AffectedEquipment']['impact'];

export type TimelineEntry = Schemas['IncidentUpdate'];

export type AffectedEquipment = Schemas['AffectedEquipment'];

export type Incident = Schemas['Incident'];

export type Maintenance = Schemas['MaintenanceWindow'];

export type StatusPage = Schemas['StatusPage'];

/** One UTC day of a piece of equipment; `status` is null before its history begins. */
export type HistoryDay = Schemas['StripDay'];

export type EquipmentHistory = Schemas['EquipmentStrip'];

export type StatusHistory = Schemas['StatusHistory'];
