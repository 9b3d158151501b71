import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from '@kenshu/domain';
import type { Database } from '@kenshu/db';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from './config.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import type { Lifecycle } from './lib/lifecycle.ts';
import { silentLogger, type Logger } from './lib/logger.ts';
import { createMetrics, type Metrics } from './lib/metrics.ts';
import { observe } from './middleware/observe.ts';
import type { AppEnv } from './context.ts';
import { errorResponse } from './lib/errors.ts';
import { validationHook } from './lib/validation.ts';
import { authenticate } from './middleware/authenticate.ts';
import { requestId } from './middleware/request-id.ts';
import { accountRoutes } from './routes/accounts.ts';
import { auditLogRoutes } from './routes/audit-log.ts';
import { authRoutes } from './routes/auth.ts';
import { attendanceRoutes, checkInRoutes } from './routes/attendance.ts';
import { bookingRoutes } from './routes/bookings.ts';
import { courseRoutes } from './routes/courses.ts';
import { docsRoutes } from './routes/docs.ts';
import { eLearningRoutes } from './routes/e-learning.ts';
import {
  calendarFeedRoutes,
  completionRoutes,
  meRoutes,
  staffTrainingRoutes,
} from './routes/me.ts';
import { outboxRoutes } from './routes/outbox.ts';
import { teamRoutes } from './routes/team.ts';
import { messageTemplateRoutes, reminderRoutes } from './routes/reminders.ts';
import { reportRoutes } from './routes/reports.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { fiscalYearRoutes } from './routes/fiscal-years.ts';
import { healthRoutes, readinessRoutes } from './routes/health.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { orgUnitRoutes } from './routes/org-units.ts';
import { staffImportRoutes } from './routes/staff-import.ts';
import { staffRoutes } from './routes/staff.ts';
import { SCORM_CONTENT_SECURITY_POLICY, scormContentRoutes } from './routes/scorm-content.ts';
import { SCORM_CONTENT_PATH } from './services/e-learning/scorm-player.ts';
import { registerTrainingReactions } from './services/training/reactions.ts';
import { outboxBacklog } from '@kenshu/db';

export interface AppDeps {
  database: Database;
  config: Config;
  /** The time source; tests pass their own to move through a fiscal year. */
  clock?: Clock;
  /** Where JSON log lines go; tests pass a capturing one. Default: nothing is logged. */
  logger?: Logger;
  /** This instance's Prometheus metrics (server.ts shares them with the job scheduler). */
  metrics?: Metrics;
  /** Whether jobs run and whether the instance is shutting down, for /api/ready. */
  lifecycle?: Lifecycle;
}

/** Builds the whole app: the API under /api and the built SPA for everything else. */
export function createApp({
  database,
  config,
  clock = systemClock,
  logger = silentLogger,
  metrics = createMetrics(),
  lifecycle = { jobsRunning: () => false, draining: () => false },
}: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // The same reactions on every instance, registered before the first request (reactions.ts).
  registerTrainingReactions();
  metrics.watchOutbox(() => outboxBacklog(database.db, clock()));

  app.use(requestId);
  app.use(observe(logger, metrics));
  // API answers are compressed as they go (gzip); the web app's files were compressed once at
  // build time (brotli and gzip) and are served as they are, see mountSpa.
  app.use(compress());
  // Package files get their own policy, set after the app-wide one below has written its own.
  app.use(`${SCORM_CONTENT_PATH}/*`, async (c, next) => {
    await next();
    c.res.headers.set('Content-Security-Policy', SCORM_CONTENT_SECURITY_POLICY);
    c.res.headers.set('X-Frame-Options', 'SAMEORIGIN');
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      xFrameOptions: 'DENY',
      referrerPolicy: 'strict-origin-when-cross-origin',
      strictTransportSecurity: config.production ? 'max-age=31536000' : false,
    }),
  );
  app.use('/api/*', async (c, next) => {
    c.set('database', database);
    c.set('config', config);
    c.set('clock', clock);
    c.set('lifecycle', lifecycle);
    await next();
  });
  const apiBodyLimit = bodyLimit({
    maxSize: config.bodyLimitBytes,
    onError: () => {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than ${config.bodyLimitBytes} bytes`,
      );
    },
  });
  // Staff import files are far larger and are streamed to disk under their own limit
  // (staffImportMaxBytes); bodyLimit would buffer them in memory.
  // Module images (2 MB) have their own limit in routes/e-learning.ts.
  // SCORM packages are streamed to disk under theirs (scormLimits.uploadBytes).
  const ownLimit = (path: string) =>
    path.startsWith('/api/staff-imports/') ||
    /^\/api\/e-learning\/modules\/\d+\/images$/.test(path) ||
    /^\/api\/e-learning\/(scorm-packages(\/preview)?|modules\/\d+\/scorm-package)$/.test(path);
  app.use('/api/*', (c, next) => (ownLimit(c.req.path) ? next() : apiBodyLimit(c, next)));
  app.use('/api/*', authenticate);

  const api = app
    .route('/api/health', healthRoutes)
    .route('/api/ready', readinessRoutes)
    .route('/api/auth', authRoutes)
    .route('/api/accounts', accountRoutes)
    .route('/api/audit-log', auditLogRoutes)
    .route('/api/fiscal-years', fiscalYearRoutes)
    .route('/api/org-units', orgUnitRoutes)
    .route('/api/staff', staffRoutes)
    .route('/api/staff-imports', staffImportRoutes)
    .route('/api/staff', staffTrainingRoutes)
    .route('/api/courses', courseRoutes)
    .route('/api/sessions', sessionRoutes)
    .route('/api/sessions', attendanceRoutes)
    .route('/api/check-in', checkInRoutes)
    .route('/api/bookings', bookingRoutes)
    .route('/api/me', meRoutes)
    .route('/api/calendar', calendarFeedRoutes)
    .route('/api/team', teamRoutes)
    .route('/api/reports', reportRoutes)
    .route('/api/outbox', outboxRoutes)
    .route('/api/reminders', reminderRoutes)
    .route('/api/message-templates', messageTemplateRoutes)
    .route('/api/completions', completionRoutes)
    .route('/api/e-learning', eLearningRoutes);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Kenshu API',
      version: '0.1.0',
      description: 'Information-security training: sessions, bookings, attendance and e-learning.',
    },
  });
  app.route('/api/docs', docsRoutes);

  app.route('/metrics', metricsRoutes(metrics, config.metricsToken));
  app.route(SCORM_CONTENT_PATH, scormContentRoutes(database, config, clock));

  app.all('/api/*', (c) => {
    throw new AppError('NOT_FOUND', `No API route ${c.req.method} ${c.req.path}`);
  });
  mountSpa(app, config.webDist);
  app.onError((error, c) => errorResponse(error, c));
  app.notFound((c) => errorResponse(new AppError('NOT_FOUND', 'Not found'), c));
  return api;
}

/** The API's type, for the web app's typed client. */
export type AppType = ReturnType<typeof createApp>;

/** Hashed file names change with their content, so a browser may keep them for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The HTML pages name the current hashed files: the browser must check them on every visit. */
const REVALIDATE = 'no-cache';

/**
 * Serves the built SPA; every non-file path gets index.html so the SPA's router decides, except
 * `/sign-in`, a page of its own (sign-in.html: the first page most people open, without the
 * router). Files are sent precompressed (the build wrote .br and .gz copies) when the browser
 * accepts it.
 */
function mountSpa(app: OpenAPIHono<AppEnv>, webDist: string): void {
  const indexFile = join(webDist, 'index.html');
  if (!existsSync(indexFile)) {
    app.get('*', (c) =>
      c.text('The web app is not built yet: run `pnpm --filter @kenshu/web build`.', 503),
    );
    return;
  }
  const htmlPage = (html: string) => (c: Context) => {
    c.header('Cache-Control', REVALIDATE);
    return c.html(html);
  };
  const page = htmlPage(readFileSync(indexFile, 'utf8'));
  // "/" must be the SPA page itself; serveStatic would try to stream the folder.
  app.get('/', page);
  app.get('/sign-in', htmlPage(readFileSync(join(webDist, 'sign-in.html'), 'utf8')));
  // onFound runs after serveStatic built its response, too late for a header: set it on the way out.
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.res.headers.set('Cache-Control', IMMUTABLE);
  });
  app.use('/assets/*', serveStatic({ root: webDist, precompressed: true }));
  // A missing hashed file is a 404, not the SPA page a browser would then cache as a script.
  app.get('/assets/*', (c) => errorResponse(new AppError('NOT_FOUND', 'No such file'), c));
  // favicon.svg and the like keep their names across builds: cache, but check daily. The pages
  // under their file names (/index.html, /sign-in.html) name hashed files, as at their addresses.
  app.use('*', async (c, next) => {
    await next();
    if (c.res.status === 200 && !c.res.headers.has('Cache-Control'))
      c.res.headers.set(
        'Cache-Control',
        c.req.path.endsWith('.html') ? REVALIDATE : 'public, max-age=86400',
      );
  });
  app.use('*', serveStatic({ root: webDist, index: '', precompressed: true }));
  app.get('*', page);
}
