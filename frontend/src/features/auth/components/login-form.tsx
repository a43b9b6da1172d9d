import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { useSession } from '@/features/auth/components/session-provider';
import type { Me } from '@/features/auth/types';
import { ApiError } from '@/lib/api-client';

type LoginFormProps = { onSuccess: (me: Me) => void };

const MESSAGES = {
  invalidCredentials: 'auth.invalidCredentials',
  pending: 'auth.accountPending',
  deactivated: 'auth.accountDeactivated',
  invalidInput: 'auth.invalidInput',
  unreachable: 'auth.serverUnreachable',
  unexpected: 'auth.unexpectedError',
} as const;

type LoginFailure = { kind: keyof typeof MESSAGES } | { kind: 'rateLimited'; seconds: number | null };

export function LoginForm({ onSuccess }: LoginFormProps) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<LoginFailure | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSubmitting(true);
    setFailure(null);
    try {
      const me = await signIn({
        email: String(form.get('email') ?? '').trim(),
        password: String(form.get('password') ?? ''),
      });
      onSuccess(me);
    } catch (error) {
      setFailure(failureOf(error));
      setSubmitting(false);
    }
  }

  return (
    <form className="login-form" onSubmit={handleSubmit}>
      {failure ? (
        <p className="form-error" role="alert" data-testid="login-error">
          {failure.kind === 'rateLimited'
            ? failure.seconds === null
              ? t('auth.tooManyAttempts')
              : t('auth.retryIn', { count: failure.seconds })
            : t(MESSAGES[failure.kind])}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="login-email">{t('auth.email')}</label>
        <input id="login-email" name="email" type="email" autoComplete="username" required />
      </div>
      <div className="field">
        <label htmlFor="login-password">{t('auth.password')}</label>
        <input id="login-password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button type="submit" className="button button--primary" disabled={submitting}>
        {submitting ? t('auth.signingIn') : t('auth.signIn')}
      </button>
    </form>
  );
}

function failureOf(error: unknown): LoginFailure {
  if (!(error instanceof ApiError)) return { kind: 'unexpected' };
  if (error.status === 403 && error.code === 'account_pending') return { kind: 'pending' };
  if (error.status === 403 && error.code === 'account_deactivated') return { kind: 'deactivated' };
  switch (error.status) {
    case 401:
      return { kind: 'invalidCredentials' };
    case 429:
      return { kind: 'rateLimited', seconds: error.retryAfterSeconds };
    case 422:
      return { kind: 'invalidInput' };
    case null:
      return { kind: 'unreachable' };
    default:
      return { kind: 'unexpected' };
  }
}
