// /api/monitoring/*: the Secretariat's cooperation network, measures, activity and Membership
// Monitoring Reports. Everyone else gets 403. Tables also come as CSV (`?format=csv`).
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requireUser } from '../../auth/session';
import { AppError } from '../../errors';
import type { AppEnv, SessionUser } from '../../http/context';
import { createFeatureApp, errorResponses, jsonBody, jsonResponse } from '../../http/openapi';
import type { ActivityCounts } from './activity';
import type { CooperationNetwork } from './network';
import { type MonitoringReports, today } from './reports';
import {
  ActivityQuery,
  ActivitySchema,
  DueQuery,
  GraphQuery,
  GraphSchema,
  MeasuresQuery,
  MeasuresSchema,
  ReportBody,
  ReportStatusSchema,
  ReportsQuery,
} from './schemas';
import { activityCsv, graphCsv, measuresCsv, reportsCsv } from './tables';

const tags = ['Monitoring'];

function requireSecretariat(user: SessionUser | null) {
  const signedIn = requireUser(user);
  if (signedIn.role !== 'secretariat') {
    throw new AppError('forbidden', 'Monitoring is for the Secretariat.');
  }
  return signedIn;
}

/** A JSON body, or the same table as CSV. */
function tableResponse<T extends z.ZodType>(schema: T, description: string) {
  return {
    description,
    content: {
      'application/json': { schema },
      'text/csv': { schema: z.string().openapi({ description: 'With a header row' }) },
    },
  };
}

const csv = (c: Context<AppEnv>, body: string, name: string) =>
  c.body(body, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}.csv"`,
    'cache-control': 'private, no-store',
  });

export function monitoringRoutes(
  network: CooperationNetwork,
  activity: ActivityCounts,
  reports: MonitoringReports,
) {
  const app = createFeatureApp();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/monitoring/graph',
      tags,
      summary:
        'The cooperation network: cities (field, region, activity, centrality) and the pairs that work together',
      request: { query: GraphQuery },
      responses: {
        200: tableResponse(GraphSchema, 'Nodes and edges (CSV: the table named by `table`)'),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      requireSecretariat(c.var.user);
      const { format, table, ...filters } = c.req.valid('query');
      const graph = await network.graph(filters);
      return format === 'csv'
        ? csv(c, graphCsv(graph, table), `cooperation-${table}`)
        : c.json(graph, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/monitoring/measures',
      tags,
      summary:
        'Shares of international, cross-field, cross-region work; region and field matrices; cities without a partner; centrality; change over time',
      request: { query: MeasuresQuery },
      responses: {
        200: tableResponse(MeasuresSchema, 'The measures (CSV: the table named by `table`)'),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      requireSecretariat(c.var.user);
      const { format, table, ...filters } = c.req.valid('query');
      const measures = await network.measures(filters);
      return format === 'csv'
        ? csv(c, measuresCsv(measures, table), `measures-${table}`)
        : c.json(measures, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/monitoring/activity',
      tags,
      summary:
        'Proposals by status, messages per channel and active cities, per field, region, country and year, in a period',
      request: { query: ActivityQuery },
      responses: {
        200: tableResponse(
          ActivitySchema,
          'Counts (CSV: one table, its `table` column says which)',
        ),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      requireSecretariat(c.var.user);
      const { format, ...period } = c.req.valid('query');
      const counts = await activity.counts(period);
      return format === 'csv' ? csv(c, activityCsv(counts), 'activity') : c.json(counts, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/monitoring/reports',
      tags,
      summary: "Each city's Membership Monitoring Report schedule: next due, overdue, due soon",
      request: { query: ReportsQuery },
      responses: {
        200: tableResponse(
          z.object({ asOf: z.string(), cities: z.array(ReportStatusSchema) }),
          'Cities, soonest due first',
        ),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      requireSecretariat(c.var.user);
      const { format, status, asOf = today() } = c.req.valid('query');
      const cities = (await reports.statuses(asOf)).filter(
        (s) =>
          status === 'all' ||
          (status === 'overdue' ? s.schedule?.overdue : s.schedule?.dueSoon) === true,
      );
      return format === 'csv'
        ? csv(c, reportsCsv(cities), `monitoring-reports-${status}`)
        : c.json({ asOf, cities }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/monitoring/reports/due',
      tags,
      summary: 'Cities whose next report is due within the next six months',
      request: { query: DueQuery },
      responses: {
        200: tableResponse(
          z.object({ asOf: z.string(), cities: z.array(ReportStatusSchema) }),
          'Cities, soonest due first',
        ),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      requireSecretariat(c.var.user);
      const { format, asOf = today() } = c.req.valid('query');
      const cities = (await reports.statuses(asOf)).filter((s) => s.schedule?.dueSoon);
      return format === 'csv'
        ? csv(c, reportsCsv(cities), 'monitoring-reports-due')
        : c.json({ asOf, cities }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/monitoring/reports',
      tags,
      summary: "Record a city's Membership Monitoring Report as received (the Secretariat)",
      request: { body: jsonBody(ReportBody) },
      responses: {
        201: jsonResponse(
          z.object({ cycleYear: z.number().int(), status: ReportStatusSchema }),
          "The cycle it answers and the city's schedule now",
        ),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const user = requireSecretariat(c.var.user);
      return c.json(await reports.record(user, c.req.valid('json'), today()), 201);
    },
  );

  return app;
}
