import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { useSession } from '@/features/auth/components/session-provider';
import type { Me } from '@/features/auth/types';
import { ApiError } from '@/lib/api-client';

type LoginFormProps = { onSuccess: (me: Me) => void };

export function LoginForm({ onSuccess }: LoginFormProps) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [submitting, setSubmitting] = useState(false);
  const [errorKey, setErrorKey] = useState<ErrorKey | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSubmitting(true);
    setErrorKey(null);
    try {
      const me = await signIn({
        email: String(form.get('email') ?? '').trim(),
        password: String(form.get('password') ?? ''),
      });
      onSuccess(me);
    } catch (error) {
      setErrorKey(errorKeyFor(error));
      setSubmitting(false);
    }
  }

  return (
    <form className="login-form" onSubmit={handleSubmit}>
      {errorKey ? (
        <p className="form-error" role="alert" data-testid="login-error">
          {t(errorKey)}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="login-email">{t('auth.email')}</label>
        <input id="login-email" name="email" type="email" autoComplete="username" required autoFocus />
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

type ErrorKey =
  | 'auth.invalidCredentials'
  | 'auth.tooManyAttempts'
  | 'auth.invalidInput'
  | 'auth.serverUnreachable'
  | 'auth.unexpectedError';

function errorKeyFor(error: unknown): ErrorKey {
  if (!(error instanceof ApiError)) return 'auth.unexpectedError';
  switch (error.status) {
    case 401:
      return 'auth.invalidCredentials';
    case 429:
      return 'auth.tooManyAttempts';
    case 422:
      return 'auth.invalidInput';
    case null:
      return 'auth.serverUnreachable';
    default:
      return 'auth.unexpectedError';
  }
}
