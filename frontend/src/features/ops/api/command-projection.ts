import { useMutation, useQueryClient } from '@tanstack/react-query';

import { opsKeys } from '@/features/ops/api/get-projections';
import type { ProjectionCommand, ProjectionCommanded } from '@/features/ops/types';
import { api } from '@/lib/api-client';
import { segment } from '@/lib/command';

/** What the four projection commands share: `POST /ops/projections/{name}/{command}`, then the
 * board read again. */
export async function sendProjectionCommand(name: string, command: ProjectionCommand): Promise<ProjectionCommanded> {
  const response = await api.post<ProjectionCommanded>(`/ops/projections/${segment(name)}/${command}`);
  return response.data;
}

export function useProjectionCommand(send: (name: string) => Promise<ProjectionCommanded>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () => queryClient.invalidateQueries({ queryKey: opsKeys.projections }),
  });
}
