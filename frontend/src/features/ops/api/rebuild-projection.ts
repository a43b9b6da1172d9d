import { sendProjectionCommand, useProjectionCommand } from '@/features/ops/api/command-projection';
import type { ProjectionCommanded } from '@/features/ops/types';

/** Rebuilds a projection from the events while its old tables keep serving (202; its progress
 * shows on the board); 409 `rebuild_in_progress` while one runs. */
export function rebuildProjection(name: string): Promise<ProjectionCommanded> {
  return sendProjectionCommand(name, 'rebuild');
}

export function useRebuildProjection() {
  return useProjectionCommand(rebuildProjection);
}
