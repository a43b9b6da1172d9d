export type AccessToken = {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
};

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
