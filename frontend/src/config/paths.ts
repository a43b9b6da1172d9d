/** Every page's route pattern and how to link to it, in one place. */
export const paths = {
  home: { path: '/', getHref: () => '/' },
  auth: {
    login: {
      path: '/login',
      getHref: (redirectTo?: string | null) =>
        redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : '/login',
    },
  },
  condo: {
    status: { path: '/c/:slug', getHref: (slug: string) => `/c/${encodeURIComponent(slug)}` },
    report: {
      path: '/c/:slug/report',
      getHref: (slug: string) => `/c/${encodeURIComponent(slug)}/report`,
    },
    signup: {
      path: '/c/:slug/signup',
      getHref: (slug: string) => `/c/${encodeURIComponent(slug)}/signup`,
    },
    // What the condo spends and how its equipment fares, as its residents read them.
    expenses: {
      path: '/c/:slug/expenses',
      getHref: (slug: string) => `/c/${encodeURIComponent(slug)}/expenses`,
    },
    statistics: {
      path: '/c/:slug/statistics',
      getHref: (slug: string) => `/c/${encodeURIComponent(slug)}/statistics`,
    },
  },
  // The manager's console: one page per part of the condo's life, under the condo it is about.
  console: {
    root: { path: '/console', getHref: () => '/console' },
    condo: { path: '/console/:coproId', getHref: (coproId: string) => consoleHref(coproId) },
    tickets: { path: '/console/:coproId/tickets', getHref: (coproId: string) => consoleHref(coproId, 'tickets') },
    ticket: {
      path: '/console/:coproId/tickets/:ticketId',
      getHref: (coproId: string, ticketId: string) => consoleHref(coproId, 'tickets', ticketId),
    },
    incidents: { path: '/console/:coproId/incidents', getHref: (coproId: string) => consoleHref(coproId, 'incidents') },
    newIncident: {
      path: '/console/:coproId/incidents/new',
      getHref: (coproId: string) => consoleHref(coproId, 'incidents', 'new'),
    },
    incident: {
      path: '/console/:coproId/incidents/:incidentId',
      getHref: (coproId: string, incidentId: string) => consoleHref(coproId, 'incidents', incidentId),
    },
    maintenance: { path: '/console/:coproId/maintenance', getHref: (coproId: string) => consoleHref(coproId, 'maintenance') },
    buildings: { path: '/console/:coproId/buildings', getHref: (coproId: string) => consoleHref(coproId, 'buildings') },
    members: { path: '/console/:coproId/members', getHref: (coproId: string) => consoleHref(coproId, 'members') },
    expenses: { path: '/console/:coproId/expenses', getHref: (coproId: string) => consoleHref(coproId, 'expenses') },
    statistics: { path: '/console/:coproId/statistics', getHref: (coproId: string) => consoleHref(coproId, 'statistics') },
    audit: { path: '/console/:coproId/audit', getHref: (coproId: string) => consoleHref(coproId, 'audit') },
    auditThen: {
      path: '/console/:coproId/audit/then',
      getHref: (coproId: string, at?: string) => consoleHref(coproId, 'audit', 'then') + (at ? `?at=${encodeURIComponent(at)}` : ''),
    },
    auditAggregate: {
      path: '/console/:coproId/audit/aggregates/:aggregateId',
      getHref: (coproId: string, aggregateId: string) => consoleHref(coproId, 'audit', 'aggregates', aggregateId),
    },
  },
  // The operators' board: the platform's projections, outside any condo.
  ops: { path: '/ops', getHref: () => '/ops' },
  me: {
    tickets: { path: '/me/tickets', getHref: () => '/me/tickets' },
    ticket: {
      path: '/me/tickets/:ticketId',
      getHref: (ticketId: string) => `/me/tickets/${encodeURIComponent(ticketId)}`,
    },
  },
} as const;

function consoleHref(coproId: string, ...segments: string[]): string {
  return ['/console', coproId, ...segments].map((segment, index) => (index === 0 ? segment : encodeURIComponent(segment))).join('/');
}

/** Where to go after signing in: only a path of this site, never another origin. */
export function safeRedirect(target: string | null | undefined): string | null {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
    return null;
  }
  return target;
}
