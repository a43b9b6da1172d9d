// TODO(api-types): `GET /copros/{id}/members` answers an untyped object today
// (query_api/views/members.py `list_members` gives its shape).
export type Member = {
  account_id: string;
  role: 'resident' | 'manager' | 'auditor' | string;
  status: 'pending' | 'active' | 'deactivated' | string;
  building_id: string | null;
  lot: string | null;
  floor: string | null;
  granted_at: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
};

export type Members = { items: Member[]; total: number };

/** "Claire Martin", or null once the person's name was erased. */
export function memberName(member: Member): string | null {
  const name = [member.first_name, member.last_name].filter(Boolean).join(' ');
  return name === '' ? null : name;
}
