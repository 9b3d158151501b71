import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  type RouterHistory,
} from '@tanstack/react-router';
import { currentFiscalYearQueryOptions } from '../features/fiscal-years/api/get-current-fiscal-year.ts';
import { orgUnitsQueryOptions } from '../features/org-units/api/get-org-units.ts';
import { AppLayout } from './layout/app-layout.tsx';
import { DashboardPage } from './routes/dashboard.tsx';
import { NotFoundPage } from './routes/not-found.tsx';
import { parseOrganisationSearch } from './routes/organisation-search.ts';

export interface RouterContext {
  queryClient: QueryClient;
}

// Loaders only start fetches (they do not await them): pages show their own loading states,
// and hovering a link already warms the cache for the page behind it.
const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: AppLayout,
  notFoundComponent: NotFoundPage,
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(currentFiscalYearQueryOptions());
  },
});

const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: DashboardPage,
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(orgUnitsQueryOptions());
  },
});

const organisationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organisation',
  validateSearch: parseOrganisationSearch,
  // Pages other than home load on first visit (or on hovering a link to them), so the first
  // screen does not wait for the tree, table and search code.
  component: lazyRouteComponent(() => import('./routes/organisation.tsx'), 'OrganisationPage'),
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(orgUnitsQueryOptions());
  },
});

const routeTree = rootRoute.addChildren([dashboardRoute, organisationRoute]);

/** The app's router; tests pass a memory history. */
export function createAppRouter({
  queryClient,
  history,
}: {
  queryClient: QueryClient;
  history?: RouterHistory;
}) {
  return createRouter({
    routeTree,
    context: { queryClient },
    ...(history ? { history } : {}),
    defaultPreload: 'intent',
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
