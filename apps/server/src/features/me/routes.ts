// /api/me: who is signed in, with their city and role.
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../auth/session';
import { createFeatureApp, errorResponses, jsonResponse } from '../../http/openapi';
import { CitySchema } from '../cities/schemas';
import type { CityDirectory } from '../cities/service';

export const MeSchema = z
  .object({
    user: z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      role: z.enum(['secretariat', 'focal_point', 'member']),
    }),
    city: CitySchema.nullable(),
  })
  .openapi('Me');

export function meRoutes(directory: CityDirectory) {
  const app = createFeatureApp();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['Accounts'],
      summary: 'The signed-in user, their city and role',
      responses: { 200: jsonResponse(MeSchema, 'The signed-in user'), ...errorResponses(401) },
    }),
    async (c) => {
      const { id, name, email, role, cityId } = requireUser(c.var.user);
      const city = cityId === null ? null : await directory.byId(cityId);
      return c.json({ user: { id, name, email, role }, city }, 200);
    },
  );
  return app;
}
