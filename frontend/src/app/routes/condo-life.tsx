import '@/app/routes/console/console.css';
import '@/components/ui/chart/figures.css';
import './condo-life.css';

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useParams, useSearchParams } from 'react-router';

import { useCondoDirectory } from '@/app/routes/console/directory';
import { MessagePanel } from '@/components/ui/message-panel';
import { paths } from '@/config/paths';
import { RequireSession } from '@/features/auth/components/require-session';
import { useSession } from '@/features/auth/components/session-provider';
import type { CondoRole } from '@/features/auth/types';
import { useStructure } from '@/features/buildings/api/get-structure';
import { FinanceViews, useFinanceView } from '@/features/finance/components/finance-views';
import { financeTranslations } from '@/features/finance/locales';
import { periodFromSearch, periodSearch } from '@/features/statistics/components/period';
import { PeriodPicker } from '@/features/statistics/components/period-picker';
import { StatisticsView } from '@/features/statistics/components/statistics-view';
import { statisticsTranslations } from '@/features/statistics/locales';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { loadNamespaces } from '@/lib/i18n-namespaces';
import { consoleTranslations } from '@/locales/console';

/** The pages' texts: the console's parts they reuse, and its shared words (refusals, pager). */
export function condoLifeReady(): Promise<void> {
  return loadNamespaces([financeTranslations, statisticsTranslations, consoleTranslations]);
}

/** `/c/:slug/expenses`: the condo's ledger, budget and spend against it, read only. */
export function CondoExpensesRoute() {
  return (
    <RequireSession>
      <MemberCondo>{(condo) => <CondoExpenses condo={condo} />}</MemberCondo>
    </RequireSession>
  );
}

/** `/c/:slug/statistics`: incidents and availability over a period, as the console shows them. */
export function CondoStatisticsRoute() {
  return (
    <RequireSession>
      <MemberCondo>{(condo) => <CondoStatistics condo={condo} />}</MemberCondo>
    </RequireSession>
  );
}

/** The condo of the address among the signed-in account's: the API reads both pages to its
 * members only, so anyone else is told so before anything is asked. */
function MemberCondo({ children }: { children: (condo: CondoRole) => ReactNode }) {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const session = useSession();
  if (session.status !== 'signed-in') return null;
  const condo = session.me.roles.find((role) => role.slug === slug);
  if (!condo) {
    return (
      <MessagePanel title={t('condoLife.notMemberTitle')} testId="not-a-member">
        <p>{t('condoLife.notMemberBody')}</p>
        <Link to={paths.home.getHref()}>{t('notFound.backHome')}</Link>
      </MessagePanel>
    );
  }
  return children(condo);
}

/** The frame of both pages: the condo's name, its parts, the page's title and intro. */
function CondoLifePage({ condo, title, intro, children }: { condo: CondoRole; title: string; intro: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="console-page condo-life" aria-labelledby="condo-life-title">
      <nav className="segmented" aria-label={t('condoLife.parts')}>
        <Link to={paths.condo.status.getHref(condo.slug)}>{t('condoLife.status')}</Link>
        <NavLink to={paths.condo.expenses.getHref(condo.slug)}>{t('app.expenses')}</NavLink>
        <NavLink to={paths.condo.statistics.getHref(condo.slug)}>{t('app.statistics')}</NavLink>
      </nav>
      <header>
        <p className="condo-life__condo muted">{condo.copro_name}</p>
        <h1 id="condo-life-title">{title}</h1>
        <p className="muted">{intro}</p>
      </header>
      {children}
    </section>
  );
}

function CondoExpenses({ condo }: { condo: CondoRole }) {
  const { t } = useTranslation('finance');
  const { t: tApp } = useTranslation();
  const { t: tConsole } = useTranslation('console');
  const { view } = useFinanceView();
  const directory = useCondoDirectory(condo.copro_id, { withMembers: false });
  useDocumentTitle(`${t(`page.${view}`)} · ${t('page.title')} · ${condo.copro_name}`);
  const places = new Map(directory.buildings.flatMap((building) => [[building.id, building.name], ...building.equipment.map((item) => [item.id, item.name] as const)]));
  return (
    <CondoLifePage condo={condo} title={t('page.title')} intro={tApp('condoLife.expensesIntro', { name: condo.copro_name })}>
      <FinanceViews
        coproId={condo.copro_id}
        canManage={false}
        canReadHistory={false}
        buildings={directory.buildings}
        personName={directory.personName}
        placeName={(id) => places.get(id) ?? tConsole('common.unknownPerson')}
      />
    </CondoLifePage>
  );
}

function CondoStatistics({ condo }: { condo: CondoRole }) {
  const { t } = useTranslation('statistics');
  const { t: tApp } = useTranslation();
  const [params, setParams] = useSearchParams();
  const period = periodFromSearch(params);
  const structure = useStructure(condo.copro_id);
  useDocumentTitle(`${t('page.title')} · ${condo.copro_name}`);
  const names = new Map((structure.data?.buildings ?? []).map((building) => [building.id, building.name]));
  return (
    <CondoLifePage condo={condo} title={t('page.title')} intro={tApp('condoLife.statisticsIntro', { name: condo.copro_name })}>
      <PeriodPicker key={params.toString()} period={period} onPeriod={(chosen) => setParams(periodSearch(chosen))} />
      <StatisticsView coproId={condo.copro_id} period={period} buildingName={(id) => names.get(id) ?? null} />
    </CondoLifePage>
  );
}
