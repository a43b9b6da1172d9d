import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';

import { AppLayout } from '@/app/layout';
import { RouteFallback } from '@/app/route-fallback';
import { StatusRoute } from '@/app/routes/status';
import { paths } from '@/config/paths';

// The status page is what a QR code or a shared link opens: it ships in the first load. Every
// other page is its own chunk, fetched when it is visited. (The declarative router is half the
// size of the data router, which nothing here needs: data is TanStack Query's.)
const HomeRoute = lazy(async () => ({ default: (await import('@/app/routes/home')).HomeRoute }));
const LoginRoute = lazy(async () => ({ default: (await import('@/app/routes/login')).LoginRoute }));
const ReportRoute = lazy(async () => ({ default: (await import('@/app/routes/report')).ReportRoute }));
const SignUpRoute = lazy(async () => ({ default: (await import('@/app/routes/signup')).SignUpRoute }));
const MyTicketsRoute = lazy(async () => ({ default: (await import('@/app/routes/my-tickets')).MyTicketsRoute }));
const MyTicketRoute = lazy(async () => ({ default: (await import('@/app/routes/my-ticket')).MyTicketRoute }));
// A condo's expenses and statistics as its residents read them: one chunk for both pages.
const CondoExpensesRoute = lazy(async () => {
  const module = await import('@/app/routes/condo-life');
  await module.condoLifeReady();
  return { default: module.CondoExpensesRoute };
});
const CondoStatisticsRoute = lazy(async () => {
  const module = await import('@/app/routes/condo-life');
  await module.condoLifeReady();
  return { default: module.CondoStatisticsRoute };
});
// The manager's console: one chunk for its frame, one more per page, never in the first load.
const ConsoleRoutes = lazy(async () => {
  const module = await import('@/app/routes/console/routes');
  await module.consoleReady();
  return { default: module.ConsoleRoutes };
});
// The operators' board: a chunk of its own, its texts ready before it renders.
const OpsRoute = lazy(async () => {
  const module = await import('@/app/routes/ops');
  await module.opsReady();
  return { default: module.OpsRoute };
});
const NotFoundRoute = lazy(async () => ({ default: (await import('@/app/routes/not-found')).NotFoundRoute }));

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<AppLayout />}>
          <Route path={paths.condo.status.path} element={<StatusRoute />} />
          <Route path={paths.home.path} element={<Page route={<HomeRoute />} />} />
          <Route path={paths.auth.login.path} element={<Page route={<LoginRoute />} />} />
          <Route path={paths.condo.report.path} element={<Page route={<ReportRoute />} />} />
          <Route path={paths.condo.signup.path} element={<Page route={<SignUpRoute />} />} />
          <Route path={paths.condo.expenses.path} element={<Page route={<CondoExpensesRoute />} />} />
          <Route path={paths.condo.statistics.path} element={<Page route={<CondoStatisticsRoute />} />} />
          <Route path={paths.me.tickets.path} element={<Page route={<MyTicketsRoute />} />} />
          <Route path={paths.me.ticket.path} element={<Page route={<MyTicketRoute />} />} />
          <Route path={`${paths.console.root.path}/*`} element={<Page route={<ConsoleRoutes />} />} />
          <Route path={paths.ops.path} element={<Page route={<OpsRoute />} />} />
          <Route path="*" element={<Page route={<NotFoundRoute />} />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}

function Page({ route }: { route: ReactNode }) {
  return <Suspense fallback={<RouteFallback />}>{route}</Suspense>;
}
