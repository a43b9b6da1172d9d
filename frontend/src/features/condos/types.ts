import type { components } from '@/types/api/query';

export type Condo = components['schemas']['Copro'];

export type Condos = components['schemas']['Page_Copro_'];
