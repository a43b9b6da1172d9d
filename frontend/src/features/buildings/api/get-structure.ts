import { queryOptions, useQuery } from '@tanstack/react-query';

import type { Building, Equipment, Listing, Structure } from '@/features/buildings/types';
import { api } from '@/lib/api-client';
import { knownPosition } from '@/lib/read-position';

export const structureKeys = {
  all: ['buildings'] as const,
  structure: (coproId: string) => ['buildings', coproId, 'structure'] as const,
};

export async function getStructure(coproId: string, signal?: AbortSignal): Promise<Structure> {
  const condo = `/copros/${encodeURIComponent(coproId)}`;
  const after = knownPosition();
  const [buildings, equipment] = await Promise.all([
    api.get<Listing<Building>>(`${condo}/buildings`, { signal, after }),
    api.get<Listing<Equipment>>(`${condo}/equipment`, { signal, after }),
  ]);
  return arrange(buildings.data.items, equipment.data.items);
}

/** Buildings in display order, each with its equipment in display order. */
export function arrange(buildings: Building[], equipment: Equipment[]): Structure {
  return {
    buildings: buildings.map((building) => ({
      ...building,
      equipment: equipment.filter((item) => item.building_id === building.id),
    })),
    equipmentById: new Map(equipment.map((item) => [item.id, item])),
  };
}

export function getStructureQueryOptions(coproId: string) {
  return queryOptions({
    queryKey: structureKeys.structure(coproId),
    queryFn: ({ signal }) => getStructure(coproId, signal),
  });
}

/** The condo's buildings and the equipment in service in each. */
export function useStructure(coproId: string) {
  return useQuery(getStructureQueryOptions(coproId));
}
