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
  },
  me: {
    tickets: { path: '/me/tickets', getHref: () => '/me/tickets' },
    ticket: {
      path: '/me/tickets/:ticketId',
      getHref: (ticketId: string) => `/me/tickets/${encodeURIComponent(ticketId)}`,
    },
  },
} as const;

/** Where to go after signing in: only a path of this site, never another origin. */
export function safeRedirect(target: string | null | undefined): string | null {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
    return null;
  }
  return target;
}
