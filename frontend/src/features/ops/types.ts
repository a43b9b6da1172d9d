import type { components } from '@/types/api/query';

export type ProjectionStatus = components['schemas']['ProjectionStatus'];
export type Projections = components['schemas']['Projections'];

// TODO(api-types): the projections' commands (copro/ops_commands.py) are mounted on the command
// API outside the app the OpenAPI document is written from; their answer, by hand until then.
export type ProjectionCommanded = {
  name: string;
  state: ProjectionStatus['state'];
  position: number;
  rebuild: { version: number; position: number } | null;
};

export type ProjectionCommand = 'rebuild' | 'pause' | 'resume' | 'reset';
