import { useTranslation } from 'react-i18next';

import { ApiError } from '@/lib/api-client';
import type { consoleFr } from '@/locales/console/fr';

export type RefusalKey = keyof (typeof consoleFr)['apiError'];

const KNOWN_CODES = [
  'ticket_transition_not_allowed',
  'ticket_already_linked',
  'incident_transition_not_allowed',
  'incident_closed',
  'maintenance_transition_not_allowed',
  'version_conflict',
  'equipment_retired',
  'condo_archived',
] as const satisfies readonly RefusalKey[];

/** What an API refusal means for the person who acted, as a key of the console's texts: never
 * the server's own words or code. */
export function refusalKey(error: unknown): RefusalKey {
  if (!(error instanceof ApiError)) return 'failed';
  const known = KNOWN_CODES.find((code) => code === error.code);
  if (known) return known;
  switch (error.status) {
    case null:
      return 'unreachable';
    case 403:
      return 'forbidden';
    case 404:
      return 'notFound';
    case 409:
      return 'conflict';
    case 422:
      return 'validation';
    case 429:
      return 'rateLimited';
    case 503:
      return 'busy';
    default:
      return 'failed';
  }
}

/** A 409 about the state something is in (not an edit's version): the action no longer applies. */
export function isStateConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code !== 'version_conflict';
}

/** Why an action was refused, shown beside it and read out as soon as it appears. */
export function ActionError({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation('console');
  return (
    <p className="form-error" role="alert" data-testid={testId ?? 'action-error'}>
      {t(`apiError.${refusalKey(error)}`)}
    </p>
  );
}
