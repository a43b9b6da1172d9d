import type { components } from '@/types/api/command';
import type { components as QueryComponents } from '@/types/api/query';

type QuerySchemas = QueryComponents['schemas'];

export type AccessToken = components['schemas']['Token'];
export type SignUp = components['schemas']['SignUp'];
export type Receipt = components['schemas']['Receipt'];

export type CondoRole = QuerySchemas['CondoRole'];

export type Me = QuerySchemas['SignedInAccount'];

/** The condo a sign-up is for, and the buildings one may live in. */
export type SignUpCondo = { id: string; name: string; buildings: { id: string; name: string }[] };
