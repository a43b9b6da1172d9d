import './audit.css';

import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

import { paths } from '@/config/paths';

/** The desk's two views: the event log (with its proofs) and the status page at a date. */
export function AuditViews({ coproId }: { coproId: string }) {
  const { t } = useTranslation('audit');
  return (
    <nav className="audit-views" aria-label={t('views.label')}>
      <ul>
        <li>
          <NavLink to={paths.console.audit.getHref(coproId)} end>
            {t('views.events')}
          </NavLink>
        </li>
        <li>
          <NavLink to={paths.console.auditThen.getHref(coproId)}>{t('views.then')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
