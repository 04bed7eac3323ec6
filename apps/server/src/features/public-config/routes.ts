// /api/public-config: what the web app needs to know before anyone signs in.
import { createRoute, z } from '@hono/zod-openapi';
import { createFeatureApp, jsonResponse } from '../../http/openapi';

export interface DemoInfo {
  enabled: boolean;
  password: string | null;
  accounts: { email: string; label: string }[];
}

export function publicConfigRoutes(demo: DemoInfo) {
  const app = createFeatureApp();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/public-config',
      tags: ['Network'],
      summary: 'Public settings: whether this is a demo workspace, and its accounts',
      responses: {
        200: jsonResponse(
          z.object({
            demo: z.object({
              enabled: z.boolean(),
              password: z.string().nullable(),
              accounts: z.array(z.object({ email: z.string(), label: z.string() })),
            }),
          }),
          'Public settings',
        ),
      },
    }),
    (c) => c.json({ demo }, 200),
  );
  return app;
}
