// /api/initiatives: cities share their initiatives; the Secretariat grants official support.
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../auth/session';
import { createFeatureApp, errorResponses, jsonBody, jsonResponse } from '../../http/openapi';
import {
  CreateBody,
  IdParam,
  InitiativeSchema,
  ListQuery,
  SupportBody,
  SupportEntrySchema,
  UpdateBody,
} from './schemas';
import type { InitiativeService } from './service';
import type { InitiativeViews } from './views';

const tags = ['Initiatives'];

export function initiativeRoutes(initiatives: InitiativeService, views: InitiativeViews) {
  const app = createFeatureApp();
  const one = jsonResponse(z.object({ initiative: InitiativeSchema }), 'The initiative');

  app.openapi(
    createRoute({
      method: 'post',
      path: '/initiatives',
      tags,
      summary: "Share an initiative led by the user's city",
      request: { body: jsonBody(CreateBody) },
      responses: { 201: one, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        { initiative: await initiatives.create(requireUser(c.var.user), c.req.valid('json')) },
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/initiatives',
      tags,
      summary: 'Initiatives, newest first, filtered by field, region, theme, support, city, status',
      request: { query: ListQuery },
      responses: {
        200: jsonResponse(z.object({ initiatives: z.array(InitiativeSchema) }), 'Initiatives'),
        ...errorResponses(400, 401),
      },
    }),
    async (c) =>
      c.json({ initiatives: await views.list(requireUser(c.var.user), c.req.valid('query')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/initiatives/{id}',
      tags,
      summary: 'One initiative, with its support history and what the user may do with it',
      request: { params: IdParam },
      responses: {
        200: jsonResponse(
          z.object({ initiative: InitiativeSchema, supportHistory: z.array(SupportEntrySchema) }),
          'The initiative',
        ),
        ...errorResponses(401, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const initiative = await views.view(requireUser(c.var.user), id);
      return c.json({ initiative, supportHistory: await views.supportHistory(id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/initiatives/{id}',
      tags,
      summary: "Change an initiative (the lead city's people); lists given replace the old ones",
      request: { params: IdParam, body: jsonBody(UpdateBody) },
      responses: { 200: one, ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(
        {
          initiative: await initiatives.update(
            requireUser(c.var.user),
            c.req.valid('param').id,
            c.req.valid('json'),
          ),
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/initiatives/{id}/support',
      tags,
      summary:
        'Grant official support (only with an inter-city or international dimension) or withdraw it, with a note (the Secretariat)',
      request: { params: IdParam, body: jsonBody(SupportBody) },
      responses: { 200: one, ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { decision, note } = c.req.valid('json');
      return c.json(
        {
          initiative: await initiatives.decide(
            requireUser(c.var.user),
            c.req.valid('param').id,
            decision,
            note,
          ),
        },
        200,
      );
    },
  );

  return app;
}
