// /api/presence (the Secretariat: who is live now, everywhere) and /api/documents/:id/presence.
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../auth/session';
import { createFeatureApp, errorResponses, jsonResponse } from '../../http/openapi';
import type { PresenceService } from './service';

const PersonSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    city: z.string().nullable(),
    citySlug: z.string().nullable(),
    since: z.string(),
    connections: z.number().int(),
    nodes: z.array(z.string()),
  })
  .openapi('PersonLive');

const PlaceSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  people: z.array(PersonSchema),
});

export function presenceRoutes(presence: PresenceService) {
  const app = createFeatureApp();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/presence',
      tags: ['Presence'],
      summary: 'Everyone live now, by document, thread, city and field (the Secretariat)',
      responses: {
        200: jsonResponse(
          z.object({
            people: z.number().int(),
            connections: z.number().int(),
            documents: z.array(PlaceSchema),
            threads: z.array(PlaceSchema),
            cities: z.array(
              z.object({
                slug: z.string().nullable(),
                name: z.string().nullable(),
                people: z.number().int(),
              }),
            ),
            fields: z.array(z.object({ field: z.string(), people: z.number().int() })),
          }),
          'Live now',
        ),
        ...errorResponses(401, 403),
      },
    }),
    async (c) => c.json(await presence.overview(requireUser(c.var.user)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/documents/{id}/presence',
      tags: ['Presence'],
      summary: 'The people in one document now (anyone who may read it)',
      request: {
        params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }),
      },
      responses: {
        200: jsonResponse(z.object({ people: z.array(PersonSchema) }), 'People'),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) =>
      c.json(
        { people: await presence.inDocument(requireUser(c.var.user), c.req.valid('param').id) },
        200,
      ),
  );

  return app;
}
