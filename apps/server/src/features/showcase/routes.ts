// /api/public/showcase: what the network shows the world, without sign-in.
import { createRoute, z } from '@hono/zod-openapi';
import { createFeatureApp, errorResponses, jsonResponse } from '../../http/openapi';
import { CitySchema, Named } from '../initiatives/schemas';
import type { Showcase } from './service';

const Dates = { startDate: z.string().nullable(), endDate: z.string().nullable() };

const ShowcaseSchema = z
  .object({
    initiatives: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        description: z.string(),
        leadCity: CitySchema,
        partners: z.array(CitySchema),
        fields: z.array(Named),
        themes: z.array(Named),
        links: z.array(z.object({ label: z.string(), url: z.string() })),
        ...Dates,
        status: z.string(),
        supportedAt: z.string().nullable(),
        interCity: z.boolean(),
        international: z.boolean(),
        demo: z.boolean(),
      }),
    ),
    proposals: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        publicSummary: z.string(),
        status: z.string(),
        leadCity: CitySchema,
        partners: z.array(CitySchema).openapi({ description: 'Accepted partners' }),
        fields: z.array(Named),
        themes: z.array(Named),
        ...Dates,
      }),
    ),
    fields: z.array(Named).openapi({ description: 'Creative fields, English and French' }),
    regions: z.array(Named).openapi({ description: 'UNESCO regions, English and French' }),
  })
  .openapi('Showcase');

export function showcaseRoutes(showcase: Showcase) {
  const app = createFeatureApp();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/public/showcase',
      tags: ['Public'],
      summary:
        "Supported initiatives and supported proposals' public summaries, with their cities' coordinates (no sign-in)",
      request: {
        query: z.object({
          field: z.string().min(1).max(100).optional().openapi({ description: 'Field slug' }),
          region: z.string().min(1).max(100).optional().openapi({ description: 'Region slug' }),
        }),
      },
      responses: {
        200: jsonResponse(ShowcaseSchema, 'The showcase'),
        ...errorResponses(400),
      },
    }),
    async (c) => c.json(await showcase.contents(c.req.valid('query')), 200),
  );
  return app;
}
