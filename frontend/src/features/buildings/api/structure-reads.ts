import { structureKeys } from '@/features/buildings/api/get-structure';
import { STATUS_PAGES } from '@/lib/command';

/** What every change of the condo's structure changes: its console lists and its public page. */
export const STRUCTURE_READS = [structureKeys.all, STATUS_PAGES] as const;
