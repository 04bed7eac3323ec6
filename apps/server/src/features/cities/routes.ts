// /api/cities, /api/fields, /api/regions, /api/countries: the network's public directory.
import { createRoute, z } from '@hono/zod-openapi';
import { canSeeMemberEmails } from '../../auth/access';
import { requireUser } from '../../auth/session';
import { AppError } from '../../errors';
import { createFeatureApp, errorResponses, jsonResponse } from '../../http/openapi';
import { CityFiltersSchema, CitySchema, MemberSchema, MemberWithEmailSchema } from './schemas';
import type { CityDirectory } from './service';

const SlugParam = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/, 'a city slug is lower-case letters, digits and dashes')
    .openapi({ param: { name: 'slug', in: 'path' }, example: 'bologna' }),
});

export function citiesRoutes(directory: CityDirectory) {
  const app = createFeatureApp();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/cities',
      tags: ['Cities'],
      summary: 'Member cities, filtered',
      request: { query: CityFiltersSchema },
      responses: {
        200: jsonResponse(z.object({ cities: z.array(CitySchema) }), 'Matching cities, by name'),
        ...errorResponses(400),
      },
    }),
    async (c) => c.json({ cities: await directory.list(c.req.valid('query')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/cities/{slug}',
      tags: ['Cities'],
      summary: 'One member city; its members when signed in',
      request: { params: SlugParam },
      responses: {
        200: jsonResponse(
          z.object({ city: CitySchema, members: z.array(MemberSchema).nullable() }),
          'The city',
        ),
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const city = await directory.get(c.req.valid('param').slug);
      const members = c.var.user
        ? (await directory.members(city.id)).map(({ id, name, role }) => ({ id, name, role }))
        : null;
      return c.json({ city, members }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/cities/{slug}/members',
      tags: ['Cities'],
      summary: "A city's members with their addresses (its own members and the Secretariat)",
      request: { params: SlugParam },
      responses: {
        200: jsonResponse(z.object({ members: z.array(MemberWithEmailSchema) }), 'Members'),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const city = await directory.get(c.req.valid('param').slug);
      if (!canSeeMemberEmails(user, city.id)) {
        throw new AppError(
          'forbidden',
          "Only the city's own members and the Secretariat see this.",
        );
      }
      return c.json({ members: await directory.members(city.id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/fields',
      tags: ['Network'],
      summary: 'Creative fields',
      responses: {
        200: jsonResponse(
          z.object({
            fields: z.array(
              z.object({ id: z.number(), slug: z.string(), name: z.string(), nameFr: z.string() }),
            ),
          }),
          'Fields in display order',
        ),
      },
    }),
    async (c) => c.json({ fields: await directory.fields() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/regions',
      tags: ['Network'],
      summary: 'UNESCO regions',
      responses: {
        200: jsonResponse(
          z.object({
            regions: z.array(z.object({ slug: z.string(), name: z.string(), nameFr: z.string() })),
          }),
          'Regions',
        ),
      },
    }),
    async (c) => c.json({ regions: await directory.regions() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/countries',
      tags: ['Network'],
      summary: 'Countries with at least one member city',
      responses: {
        200: jsonResponse(
          z.object({
            countries: z.array(
              z.object({ iso2: z.string(), name: z.string(), regionSlug: z.string() }),
            ),
          }),
          'Countries',
        ),
      },
    }),
    async (c) => c.json({ countries: await directory.countries() }, 200),
  );

  return app;
}
