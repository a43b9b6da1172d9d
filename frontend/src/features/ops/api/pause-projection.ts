import { sendProjectionCommand, useProjectionCommand } from '@/features/ops/api/command-projection';
import type { ProjectionCommanded } from '@/features/ops/types';

/** Pauses a projection: its tables stay as they are until it is resumed. */
export function pauseProjection(name: string): Promise<ProjectionCommanded> {
  return sendProjectionCommand(name, 'pause');
}

export function usePauseProjection() {
  return useProjectionCommand(pauseProjection);
}
