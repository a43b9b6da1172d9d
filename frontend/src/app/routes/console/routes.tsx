import { lazy, type ComponentType } from 'react';
import { Route, Routes } from 'react-router';

import { ChooseCondo } from '@/app/routes/console/choose-condo';
import { ConsoleLayout, ConsolePartGate, FirstPart } from '@/app/routes/console/layout';
import type { ConsolePart } from '@/app/routes/console/navigation';
import { ConsoleNotFound } from '@/app/routes/console/refusals';
import { paths } from '@/config/paths';
import { loadNamespaces, type Namespace } from '@/lib/i18n-namespaces';
import { consoleTranslations } from '@/locales/console';

/** A console page's module: its page, and the translation namespaces it reads. */
type ConsolePageModule = { default: ComponentType; namespaces?: readonly Namespace[] };

/** Each console page is its own chunk, rendered once its texts are ready in the visitor's language. */
function consolePage(load: () => Promise<ConsolePageModule>) {
  return lazy(async () => {
    const module = await load();
    await loadNamespaces(module.namespaces ?? []);
    return { default: module.default };
  });
}

const TicketsRoute = consolePage(() => import('@/app/routes/console/tickets'));
const TicketRoute = consolePage(() => import('@/app/routes/console/ticket'));
const IncidentsRoute = consolePage(() => import('@/app/routes/console/incidents'));
const NewIncidentRoute = consolePage(() => import('@/app/routes/console/new-incident'));
const IncidentRoute = consolePage(() => import('@/app/routes/console/incident'));
const MaintenanceRoute = consolePage(() => import('@/app/routes/console/maintenance'));
const BuildingsRoute = consolePage(() => import('@/app/routes/console/buildings'));
const MembersRoute = consolePage(() => import('@/app/routes/console/members'));
const ExpensesRoute = consolePage(() => import('@/app/routes/console/expenses'));
const StatisticsRoute = consolePage(() => import('@/app/routes/console/statistics'));
const AuditRoute = consolePage(() => import('@/app/routes/console/audit'));
const AuditThenRoute = consolePage(() => import('@/app/routes/console/audit-then'));
const AuditAggregateRoute = consolePage(() => import('@/app/routes/console/audit-aggregate'));

// Each part's pages: its URL patterns (from paths.ts) and their page modules.
const PAGES: { part: ConsolePart; path: string; Page: ComponentType }[] = [
  { part: 'tickets', path: paths.console.tickets.path, Page: TicketsRoute },
  { part: 'tickets', path: paths.console.ticket.path, Page: TicketRoute },
  { part: 'incidents', path: paths.console.incidents.path, Page: IncidentsRoute },
  { part: 'incidents', path: paths.console.newIncident.path, Page: NewIncidentRoute },
  { part: 'incidents', path: paths.console.incident.path, Page: IncidentRoute },
  { part: 'maintenance', path: paths.console.maintenance.path, Page: MaintenanceRoute },
  { part: 'buildings', path: paths.console.buildings.path, Page: BuildingsRoute },
  { part: 'members', path: paths.console.members.path, Page: MembersRoute },
  { part: 'expenses', path: paths.console.expenses.path, Page: ExpensesRoute },
  { part: 'statistics', path: paths.console.statistics.path, Page: StatisticsRoute },
  { part: 'audit', path: paths.console.audit.path, Page: AuditRoute },
  { part: 'audit', path: paths.console.auditThen.path, Page: AuditThenRoute },
  { part: 'audit', path: paths.console.auditAggregate.path, Page: AuditAggregateRoute },
];

const CONDO = paths.console.condo.path;

/** A pattern of paths.ts below `/console/:coproId`, as the layout's child route sees it. */
function below(pattern: string): string {
  return pattern.slice(CONDO.length + 1);
}

/** Everything under `/console`, mounted by the app's router as one lazy chunk. */
export function ConsoleRoutes() {
  return (
    <Routes>
      <Route index element={<ChooseCondo />} />
      <Route path={CONDO.slice(paths.console.root.path.length + 1)} element={<ConsoleLayout />}>
        <Route index element={<FirstPart />} />
        {PAGES.map(({ part, path, Page }) => (
          <Route
            key={path}
            path={below(path)}
            element={
              <ConsolePartGate part={part}>
                <Page />
              </ConsolePartGate>
            }
          />
        ))}
        <Route path="*" element={<ConsoleNotFound />} />
      </Route>
      <Route path="*" element={<ConsoleNotFound />} />
    </Routes>
  );
}

/** The console's own texts, ready before any of its pages renders. */
export function consoleReady(): Promise<void> {
  return loadNamespaces([consoleTranslations]);
}
