import type { components } from '@/types/api/command';

export type AccessToken = components['schemas']['Token'];
export type SignUp = components['schemas']['SignUp'];
export type Receipt = components['schemas']['Receipt'];

// TODO(api-types): `GET /auth/me` answers an untyped object in the OpenAPI document today.
export type CondoRole = {
  copro_id: string;
  copro_name: string;
  slug: string;
  role: string;
};

export type Me = {
  account_id: string;
  is_admin: boolean;
  roles: CondoRole[];
};

/** The condo a sign-up is for, and the buildings one may live in. */
export type SignUpCondo = { id: string; name: string; buildings: { id: string; name: string }[] };
