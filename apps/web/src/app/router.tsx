import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
  type RouterHistory,
} from '@tanstack/react-router';
import { meQueryOptions } from '../features/auth/api/get-me.ts';
import { signInHref } from '../features/auth/utils/sign-in-search.ts';
import { teachingSessionsQueryOptions } from '../features/attendance/api/teaching-sessions.ts';
import { currentFiscalYearQueryOptions } from '../features/fiscal-years/api/get-current-fiscal-year.ts';
import { myTrainingQueryOptions } from '../features/my-training/api/get-my-training.ts';
import { notificationsQueryOptions } from '../features/notifications/api/notifications.ts';
import { orgUnitsQueryOptions } from '../features/org-units/api/get-org-units.ts';
import { loadWords, showAccountLanguage } from '../lib/i18n.ts';
import { AppLayout } from './layout/app-layout.tsx';
import { isPublicPath } from './navigation.ts';
import { NotFoundPage } from './routes/not-found.tsx';
import { parseOrganisationSearch } from './routes/organisation-search.ts';
import { parseTeamSearch } from './routes/team-search.ts';
import { parseReportsSearch } from './routes/reports-search.ts';
import { parseRootSearch } from './routes/root-search.ts';
import { parseSsoProblemSearch } from './routes/sso-problem-search.ts';
import { parseAccountsSearch } from './routes/admin-accounts-search.ts';
import { parseAuditLogSearch } from './routes/admin-audit-log-search.ts';
import { parseOutboxSearch } from './routes/admin-outbox-search.ts';
import { parseAdminSessionsSearch, parseSessionFinderSearch } from './routes/sessions-search.ts';
import { parseCheckInSearch, parseTeachingSearch } from './routes/attendance-search.ts';

export interface RouterContext {
  queryClient: QueryClient;
}

// Loaders only start data fetches (they do not await them): pages show their own loading states,
// and hovering a link already warms the cache for the page behind it. What they do await is the
// page's words (`loadWords`), which load alongside its code, so no page shows a raw key.
const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: AppLayout,
  notFoundComponent: NotFoundPage,
  validateSearch: parseRootSearch,
  // Every page but the public ones needs a signed-in person: strangers go to sign-in (a page of
  // its own, loaded in full), which brings them back here afterwards. A network failure lets the
  // page render, and the layout shows the error with a retry.
  beforeLoad: async ({ context, location }) => {
    if (isPublicPath(location.pathname)) return;
    const me = await context.queryClient.ensureQueryData(meQueryOptions()).catch(() => undefined);
    if (me === null) {
      throw redirect({
        href: signInHref({ next: location.href }),
        reloadDocument: true,
        replace: true,
      });
    }
    if (me) await showAccountLanguage(me.locale);
  },
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(currentFiscalYearQueryOptions());
  },
});

/**
 * Fetches what a page shows above its other cards beside its code and words, so it shows whole:
 * filling in after it, on a phone, pushed the cards below down as someone began to read or tap
 * (browser tests measure it). Known data shows at once and is refreshed as the page shows; a
 * failure shows in its card, with its retry, rather than keeping the page away.
 */
function withPage(...fetches: Promise<unknown>[]): Promise<unknown> {
  return Promise.all(fetches.map((fetch) => fetch.catch(() => null)));
}

/** A query as `withPage` fetches it: once; the card's own query retries as it shows. */
const once = <T extends object>(query: T) => ({ ...query, retry: false });

const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./routes/dashboard.tsx'), 'DashboardPage'),
  // The cards above the organisation come with the page (see `withPage`): a trainer's sessions,
  // my training, the fiscal year. The organisation, last, may fill in after it.
  loader: ({ context }) => {
    const { queryClient } = context;
    void queryClient.prefetchQuery(orgUnitsQueryOptions());
    const me = queryClient.getQueryData(meQueryOptions().queryKey);
    return Promise.all([
      loadWords('attendance', 'dashboard', 'myTraining', 'sessionPhase', 'sessions'),
      withPage(
        queryClient.ensureQueryData(once(myTrainingQueryOptions())),
        queryClient.ensureQueryData(once(currentFiscalYearQueryOptions())),
        me?.roles.includes('trainer')
          ? queryClient.ensureQueryData(once(teachingSessionsQueryOptions('teaching')))
          : Promise.resolve(),
      ),
    ]);
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
    return loadWords('organisation', 'pagination', 'sessions', 'staff');
  },
});

const teamRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/team',
  validateSearch: parseTeamSearch,
  component: lazyRouteComponent(() => import('./routes/team.tsx'), 'TeamPage'),
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(orgUnitsQueryOptions());
    return loadWords('mail', 'pagination', 'sessions', 'staff', 'team');
  },
});

// The report page carries the chart library: it loads only when someone opens it.
const reportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports',
  validateSearch: parseReportsSearch,
  component: lazyRouteComponent(() => import('./routes/reports.tsx'), 'ReportsPage'),
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(orgUnitsQueryOptions());
    return loadWords('organisation', 'reports');
  },
});

const myTrainingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/my-training',
  component: lazyRouteComponent(() => import('./routes/my-training.tsx'), 'MyTrainingPage'),
  // One's courses and notifications come with the page (see `withPage`): on a phone they stand
  // above the other cards.
  loader: ({ context }) =>
    Promise.all([
      loadWords('mail', 'myTraining', 'notifications', 'sessions'),
      withPage(
        context.queryClient.ensureQueryData(once(myTrainingQueryOptions())),
        context.queryClient.ensureQueryData(once(notificationsQueryOptions())),
      ),
    ]),
});

const sessionFinderRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sessions',
  validateSearch: parseSessionFinderSearch,
  component: lazyRouteComponent(() => import('./routes/sessions.tsx'), 'SessionFinderPage'),
  loader: () => loadWords('sessionPhase', 'sessions'),
});

const adminSessionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/sessions',
  validateSearch: parseAdminSessionsSearch,
  component: lazyRouteComponent(() => import('./routes/admin-sessions.tsx'), 'AdminSessionsPage'),
  loader: () => loadWords('scheduling', 'sessionPhase', 'sessions'),
});

const adminSessionNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/sessions/new',
  component: lazyRouteComponent(() => import('./routes/admin-sessions.tsx'), 'AdminSessionNewPage'),
  loader: () => loadWords('scheduling', 'sessionPhase', 'sessions'),
});

const adminSeriesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/sessions/series',
  component: lazyRouteComponent(() => import('./routes/admin-sessions.tsx'), 'AdminSeriesPage'),
  loader: () => loadWords('scheduling', 'sessionPhase', 'sessions'),
});

const adminSessionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/sessions/$sessionId',
  component: lazyRouteComponent(() => import('./routes/admin-sessions.tsx'), 'AdminSessionPage'),
  loader: () => loadWords('scheduling', 'sessionPhase', 'sessions'),
});

const adminCoursesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/courses',
  component: lazyRouteComponent(() => import('./routes/admin-courses.tsx'), 'AdminCoursesPage'),
  loader: () => loadWords('courses', 'mail', 'reminders', 'scheduling', 'sessions', 'staff'),
});

const adminCourseNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/courses/new',
  component: lazyRouteComponent(() => import('./routes/admin-courses.tsx'), 'AdminCourseNewPage'),
  loader: () => loadWords('courses', 'mail', 'reminders', 'scheduling', 'sessions', 'staff'),
});

const adminCourseRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/courses/$courseId',
  component: lazyRouteComponent(() => import('./routes/admin-courses.tsx'), 'AdminCourseEditPage'),
  loader: () => loadWords('courses', 'mail', 'reminders', 'scheduling', 'sessions', 'staff'),
});

const adminMessagesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/messages',
  component: lazyRouteComponent(() => import('./routes/admin-messages.tsx'), 'AdminMessagesPage'),
  loader: () => loadWords('mail', 'reminders', 'sessions'),
});

const ssoProblemRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in/sso',
  validateSearch: parseSsoProblemSearch,
  component: lazyRouteComponent(() => import('./routes/sso-problem.tsx'), 'SsoProblemPage'),
  loader: () => loadWords('auth'),
});

const setPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/set-password',
  component: lazyRouteComponent(() => import('./routes/set-password.tsx'), 'SetPasswordPage'),
  loader: () => loadWords('auth'),
});

const mySessionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account/sessions',
  component: lazyRouteComponent(() => import('./routes/my-sessions.tsx'), 'MySessionsPage'),
  loader: () => loadWords('auth'),
});

const adminAccountsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/accounts',
  validateSearch: parseAccountsSearch,
  component: lazyRouteComponent(() => import('./routes/admin-accounts.tsx'), 'AdminAccountsPage'),
  loader: () => loadWords('accounts', 'sessions', 'staff'),
});

const adminOutboxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/outbox',
  validateSearch: parseOutboxSearch,
  component: lazyRouteComponent(() => import('./routes/admin-outbox.tsx'), 'AdminOutboxPage'),
  loader: () => loadWords('mail', 'pagination', 'sessions', 'team'),
});

const adminAuditLogRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/audit-log',
  validateSearch: parseAuditLogSearch,
  component: lazyRouteComponent(() => import('./routes/admin-audit-log.tsx'), 'AdminAuditLogPage'),
  loader: () => loadWords('auditLog', 'pagination'),
});

// The e-learning pages share one lazily loaded chunk.
const page = (name: keyof typeof import('./routes/e-learning.tsx')) =>
  lazyRouteComponent(() => import('./routes/e-learning.tsx'), name);

const eLearningRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/e-learning',
  component: page('ELearningPage'),
  loader: () => loadWords('eLearning', 'pagination', 'sessions'),
});

const modulePlayerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/e-learning/modules/$moduleId',
  component: page('ModulePlayerPage'),
  loader: () => loadWords('eLearning', 'pagination', 'sessions'),
});

const adminELearningRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/e-learning',
  component: page('AdminELearningPage'),
  loader: () => loadWords('eLearning', 'pagination', 'sessions'),
});

const moduleNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/e-learning/new',
  component: page('ModuleNewPage'),
  loader: () => loadWords('eLearning', 'pagination', 'sessions'),
});

const moduleEditorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/e-learning/modules/$moduleId',
  component: page('ModuleEditorPage'),
  loader: () => loadWords('eLearning', 'pagination', 'sessions'),
});

const courseAssignmentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/e-learning/courses/$courseId',
  component: page('CourseAssignmentsPage'),
  loader: () => loadWords('eLearning', 'pagination', 'sessions'),
});

const adminStaffImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/staff-import',
  component: lazyRouteComponent(
    () => import('./routes/admin-staff-import.tsx'),
    'AdminStaffImportPage',
  ),
  loader: () => loadWords('pagination', 'sessions', 'staffImport'),
});

// The page's address before it was called the staff import: bookmarks of it still arrive.
const formerStaffImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/roster-import',
  beforeLoad: () => {
    throw redirect({ to: '/admin/staff-import', replace: true });
  },
});

// The attendance pages (trainers' sheets, the code screen, the print sheet) share one chunk.
const attendancePage = (name: keyof typeof import('./routes/teaching.tsx')) =>
  lazyRouteComponent(() => import('./routes/teaching.tsx'), name);

const teachingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/teaching',
  validateSearch: parseTeachingSearch,
  component: attendancePage('TeachingPage'),
  loader: () => loadWords('attendance', 'sessionPhase'),
});

const attendanceSheetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/teaching/$sessionId',
  component: attendancePage('AttendanceSheetPage'),
  loader: () => loadWords('attendance', 'sessionPhase'),
});

const checkInCodeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/teaching/$sessionId/check-in-code',
  component: attendancePage('CheckInCodePage'),
  loader: () => loadWords('attendance', 'sessionPhase'),
});

const signInSheetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/teaching/$sessionId/print',
  component: attendancePage('SignInSheetPage'),
  loader: () => loadWords('attendance', 'sessionPhase'),
});

const checkInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/check-in',
  validateSearch: parseCheckInSearch,
  component: lazyRouteComponent(() => import('./routes/check-in.tsx'), 'CheckInPage'),
  loader: () => loadWords('attendance'),
});

const routeTree = rootRoute.addChildren([
  teachingRoute,
  attendanceSheetRoute,
  checkInCodeRoute,
  signInSheetRoute,
  checkInRoute,
  eLearningRoute,
  modulePlayerRoute,
  adminELearningRoute,
  moduleNewRoute,
  moduleEditorRoute,
  courseAssignmentsRoute,
  ssoProblemRoute,
  setPasswordRoute,
  mySessionsRoute,
  adminAccountsRoute,
  adminAuditLogRoute,
  adminOutboxRoute,
  dashboardRoute,
  organisationRoute,
  teamRoute,
  reportsRoute,
  myTrainingRoute,
  sessionFinderRoute,
  adminSessionsRoute,
  adminSessionNewRoute,
  adminSeriesRoute,
  adminSessionRoute,
  adminCoursesRoute,
  adminCourseNewRoute,
  adminCourseRoute,
  adminMessagesRoute,
  adminStaffImportRoute,
  formerStaffImportRoute,
]);

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
