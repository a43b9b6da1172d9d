import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { BackToStatus, CondoPage } from '@/app/routes/condo-page';
import { paths } from '@/config/paths';
import { SignUpForm } from '@/features/auth/components/signup-form';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** A resident asks for an account in the condo of the link they followed. */
export function SignUpRoute() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const [done, setDone] = useState(false);
  useDocumentTitle(t('signup.title'));
  return (
    <CondoPage slug={slug}>
      {(page) => (
        <div className="narrow-page">
          <BackToStatus slug={slug} name={page.copro.name} />
          <h1>{t('signup.title')}</h1>
          {done ? (
            <section className="card confirmation" role="status" data-testid="signup-done">
              <h2>{t('signup.doneTitle')}</h2>
              <p>{t('signup.doneBody', { name: page.copro.name })}</p>
              <Link className="button" to={paths.condo.status.getHref(slug)}>
                {t('report.backTo', { name: page.copro.name })}
              </Link>
            </section>
          ) : (
            <>
              <p className="muted">{t('signup.intro', { name: page.copro.name })}</p>
              <SignUpForm condo={{ id: page.copro.id, name: page.copro.name, buildings: page.buildings }} onDone={() => setDone(true)} />
              <p className="small">
                {t('signup.haveAccount')} <Link to={paths.auth.login.getHref(paths.condo.status.getHref(slug))}>{t('auth.signIn')}</Link>
              </p>
            </>
          )}
        </div>
      )}
    </CondoPage>
  );
}
