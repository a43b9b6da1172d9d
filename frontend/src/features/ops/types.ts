import type { components as CommandComponents } from '@/types/api/command';
import type { components } from '@/types/api/query';

export type ProjectionStatus = components['schemas']['ProjectionStatus'];
export type Projections = components['schemas']['Projections'];

// What a projection command answers (copro/ops_commands.py, on the command API).
export type ProjectionCommanded = CommandComponents['schemas']['ProjectionCommanded'];

export type ProjectionCommand = 'rebuild' | 'pause' | 'resume' | 'reset';
