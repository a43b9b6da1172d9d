// TODO(api-types): `GET /copros` and `/copros/{id}` answer an untyped object in the OpenAPI
// document today (query_api/queries.py `public_copro` gives its shape).
export type Condo = {
  id: string;
  name: string;
  slug: string;
  address: string;
  postal_code: string;
  city: string;
  country: string;
  public_status_page: boolean;
  archived: boolean;
  version: number;
};

export type Condos = { items: Condo[]; total: number };
