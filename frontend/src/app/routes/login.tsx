import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { LoginForm } from '@/features/auth/components/login-form';
import type { Me } from '@/features/auth/types';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function LoginRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('auth.loginTitle'));

  function goToFirstCondo(me: Me) {
    const first = me.roles[0];
    navigate(first ? `/c/${encodeURIComponent(first.slug)}` : '/', { replace: true });
  }

  return (
    <section className="card narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('auth.loginTitle')}</h1>
      <p className="muted">{t('auth.loginIntro')}</p>
      <LoginForm onSuccess={goToFirstCondo} />
    </section>
  );
}
