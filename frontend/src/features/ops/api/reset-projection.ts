import { sendProjectionCommand, useProjectionCommand } from '@/features/ops/api/command-projection';
import type { ProjectionCommanded } from '@/features/ops/types';

/** Resets a projection: its tables emptied, then built again from the first event. */
export function resetProjection(name: string): Promise<ProjectionCommanded> {
  return sendProjectionCommand(name, 'reset');
}

export function useResetProjection() {
  return useProjectionCommand(resetProjection);
}
