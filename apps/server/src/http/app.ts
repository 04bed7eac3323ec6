// The Hono app: middleware, every feature under /api, OpenAPI, health, and the web app.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { DrizzleUpdateStore } from '@uccn/collab/drizzle';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { CLIENT_IP_HEADER } from '../auth/auth';
import { sessionMiddleware } from '../auth/session';
import { AppError } from '../errors';
import { citiesRoutes } from '../features/cities/routes';
import { CityDirectory } from '../features/cities/service';
import { commentRoutes } from '../features/comments/routes';
import { documentRoutes } from '../features/documents/routes';
import { healthRoutes } from '../features/health/routes';
import { initiativeRoutes } from '../features/initiatives/routes';
import { invitationRoutes } from '../features/invitations/routes';
import { InvitationService } from '../features/invitations/service';
import { meRoutes } from '../features/me/routes';
import { ActivityCounts } from '../features/monitoring/activity';
import { CooperationNetwork } from '../features/monitoring/network';
import { MonitoringReports } from '../features/monitoring/reports';
import { monitoringRoutes } from '../features/monitoring/routes';
import { notificationRoutes } from '../features/notifications/routes';
import { presenceRoutes } from '../features/presence/routes';
import { PresenceService } from '../features/presence/service';
import { ProposalExporter } from '../features/proposals/export/exporter';
import { proposalExportRoutes } from '../features/proposals/export/routes';
import { proposalRoutes } from '../features/proposals/routes';
import { type DemoInfo, publicConfigRoutes } from '../features/public-config/routes';
import { showcaseRoutes } from '../features/showcase/routes';
import { Showcase } from '../features/showcase/service';
import { threadRoutes } from '../features/threads/routes';
import { mountApiDocs } from './api-docs';
import { documentAuthRoutes } from './auth-docs';
import { handleAuthRequest } from './auth-handler';
import type { AppEnv, AppServices } from './context';
import { errorBody, handleError } from './error-handler';

/** Largest JSON body the API accepts; documents travel over WebSockets, not here. */
export const MAX_API_BODY_BYTES = 1024 * 1024;

export const OPENAPI_INFO = {
  title: 'UCCN Collab API',
  version: '0.1.0',
  description:
    'HTTP API of UCCN Collab, the collaboration platform of the UNESCO Creative Cities Network. Errors are `{ "error": { "code", "message" } }` with a stable code.',
};

function clientAddress(c: Context<AppEnv>, trustProxy: boolean) {
  const forwarded = trustProxy
    ? c.req.header('x-forwarded-for')?.split(',').pop()?.trim()
    : undefined;
  return forwarded || (getConnInfo(c).remote.address ?? 'unknown');
}

const OPENAPI_CONFIG = { openapi: '3.1.0', info: OPENAPI_INFO };

/** The API's OpenAPI document, as served at /api/openapi.json. */
export type OpenApiDocument = ReturnType<App['getOpenAPI31Document']>;

export function openApiDocument(app: App): OpenApiDocument {
  return app.getOpenAPI31Document(OPENAPI_CONFIG);
}

export interface AppOptions {
  demo: DemoInfo;
  /** Folder of the built web app; the API runs without one (tests). */
  webDist: string | undefined;
}

export function createApp(services: AppServices, options: AppOptions) {
  const { auth, config } = services;
  const app = new OpenAPIHono<AppEnv>();

  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    c.set('log', services.log.child({ requestId: c.var.requestId }));
    await next();
    if (c.req.path.startsWith('/api/') || c.res.status >= 500) {
      c.var.log.info(
        {
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    }
  });

  app.use('/api/*', async (c, next) => {
    // The address better-auth rate-limits on comes from the socket (or the one proxy we
    // trust), never from a header the client chose.
    c.req.raw.headers.set(CLIENT_IP_HEADER, clientAddress(c, config.trustProxy));
    await next();
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_API_BODY_BYTES,
      onError: () => {
        throw new AppError('payload_too_large', 'The request body is too large.');
      },
    }),
  );
  app.on(['GET', 'POST'], '/api/auth/*', (c) => handleAuthRequest(auth, c));
  app.use('/api/*', sessionMiddleware(auth));

  const directory = new CityDirectory(services.db);
  const invitations = new InvitationService(
    services.db,
    services.accounts,
    directory,
    services.mailer,
  );
  app.route('/api', meRoutes(directory));
  app.route('/api', citiesRoutes(directory));
  app.route('/api', invitationRoutes(invitations, auth, config.publicUrl));
  app.route('/api', publicConfigRoutes(options.demo));
  app.route('/api', documentRoutes(services.documents, services.versions, services.tokens));
  app.route('/api', commentRoutes(services.comments));
  app.route('/api', threadRoutes(services.threads, services.moderation, services.notifier));
  app.route('/api', notificationRoutes(services.notifications));
  app.route(
    '/api',
    proposalRoutes(
      services.proposals,
      services.proposalPartners,
      services.proposalViews,
      services.referenceLists,
    ),
  );
  app.route(
    '/api',
    proposalExportRoutes(
      services.proposalViews,
      new ProposalExporter(new DrizzleUpdateStore(services.db)),
    ),
  );
  app.route('/api', initiativeRoutes(services.initiatives, services.initiativeViews));
  app.route('/api', showcaseRoutes(new Showcase(services.db, services.initiativeViews)));
  app.route(
    '/api',
    monitoringRoutes(
      new CooperationNetwork(services.db),
      new ActivityCounts(services.db),
      new MonitoringReports(services.db, services.referenceLists),
    ),
  );
  app.route(
    '/api',
    presenceRoutes(new PresenceService(services.presence, services.db, services.documents)),
  );

  documentAuthRoutes(app);
  app.doc31('/api/openapi.json', OPENAPI_CONFIG);
  mountApiDocs(app);
  app.all('/api/*', (c) =>
    c.json(errorBody('not_found', `No API route ${c.req.method} ${c.req.path}.`), 404),
  );

  app.route('/', healthRoutes(services.readiness, config.nodeId));
  app.get('/metrics', async (c) =>
    c.body(await services.metrics.registry.metrics(), 200, {
      'content-type': services.metrics.registry.contentType,
    }),
  );

  if (options.webDist && existsSync(path.join(options.webDist, 'index.html'))) {
    const root = options.webDist;
    app.use('/assets/*', async (c, next) => {
      await next();
      // Vite fingerprints asset names, so they never change under the same URL.
      if (c.res.status === 200) c.header('cache-control', 'public, max-age=31536000, immutable');
    });
    app.use('*', serveStatic({ root }));
    app.get('*', serveStatic({ root, path: 'index.html' }));
  }

  app.notFound((c) => c.json(errorBody('not_found', `Nothing at ${c.req.path}.`), 404));
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
