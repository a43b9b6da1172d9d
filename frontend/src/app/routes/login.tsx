import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';

import { opensConsole, operates } from '@/app/routes/console/access';
import { paths, safeRedirect } from '@/config/paths';
import { LoginForm } from '@/features/auth/components/login-form';
import type { Me } from '@/features/auth/types';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function LoginRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const redirectTo = safeRedirect(search.get('redirectTo'));
  useDocumentTitle(t('auth.loginTitle'));

  function goOn(me: Me) {
    const first = me.roles[0];
    // Managers and auditors land on their console, operators on their board; everyone else on
    // their condo's status page.
    const fallback = opensConsole(me)
      ? paths.console.root.getHref()
      : operates(me)
        ? paths.ops.getHref()
        : first
        ? paths.condo.status.getHref(first.slug)
        : paths.home.getHref();
    navigate(redirectTo ?? fallback, { replace: true });
  }

  return (
    <section className="card narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('auth.loginTitle')}</h1>
      <p className="muted">{t('auth.loginIntro')}</p>
      <LoginForm onSuccess={goOn} />
    </section>
  );
}
