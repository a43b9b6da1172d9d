import { sendProjectionCommand, useProjectionCommand } from '@/features/ops/api/command-projection';
import type { ProjectionCommanded } from '@/features/ops/types';

/** Resumes a paused (or failed) projection from where it stands. */
export function resumeProjection(name: string): Promise<ProjectionCommanded> {
  return sendProjectionCommand(name, 'resume');
}

export function useResumeProjection() {
  return useProjectionCommand(resumeProjection);
}
