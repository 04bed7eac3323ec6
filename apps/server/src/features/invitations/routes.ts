// /api/invitations: invite people into a city, and accept an invitation from its link.
import { createRoute, z } from '@hono/zod-openapi';
import type { Auth } from '../../auth/auth';
import { requireUser } from '../../auth/session';
import { createFeatureApp, errorResponses, jsonBody, jsonResponse } from '../../http/openapi';
import { CitySchema } from '../cities/schemas';
import type { InvitationService } from './service';

const RoleSchema = z.enum(['secretariat', 'focal_point', 'member']);

const InvitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: RoleSchema,
    citySlug: z.string().nullable(),
    expiresAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Invitation');

const TokenParam = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}$/, 'not an invitation token')
    .openapi({ param: { name: 'token', in: 'path' } }),
});

export function invitationRoutes(
  service: InvitationService,
  auth: Auth,
  publicUrl: string | undefined,
) {
  const app = createFeatureApp();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/invitations',
      tags: ['Accounts'],
      summary: 'Invite someone by email into a city (focal point: own city; Secretariat: any)',
      request: {
        body: jsonBody(
          z.strictObject({
            email: z.email().max(254),
            role: RoleSchema,
            citySlug: z.string().max(100).optional(),
          }),
        ),
      },
      responses: {
        201: jsonResponse(
          z.object({ invitation: InvitationSchema, link: z.string() }),
          'The invitation, and the link to pass on (it is also mailed)',
        ),
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const baseUrl = publicUrl ?? new URL(c.req.url).origin;
      return c.json(await service.create(user, c.req.valid('json'), baseUrl), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/invitations',
      tags: ['Accounts'],
      summary: "Pending invitations of the user's city (all of them for the Secretariat)",
      responses: {
        200: jsonResponse(
          z.object({ invitations: z.array(InvitationSchema) }),
          'Pending invitations',
        ),
        ...errorResponses(401, 403),
      },
    }),
    async (c) => c.json({ invitations: await service.listPending(requireUser(c.var.user)) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/invitations/{token}',
      tags: ['Accounts'],
      summary: 'What an invitation link offers',
      request: { params: TokenParam },
      responses: {
        200: jsonResponse(
          z.object({
            invitation: z.object({
              email: z.string(),
              role: RoleSchema,
              city: CitySchema.nullable(),
              invitedBy: z.string(),
              expiresAt: z.string(),
            }),
          }),
          'The invitation',
        ),
        ...errorResponses(400, 404, 409, 410),
      },
    }),
    async (c) => {
      const found = await service.find(c.req.valid('param').token);
      return c.json(
        {
          invitation: {
            email: found.email,
            role: found.role,
            city: found.city,
            invitedBy: found.invitedBy,
            expiresAt: found.expiresAt.toISOString(),
          },
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/invitations/{token}/accept',
      tags: ['Accounts'],
      summary: 'Accept an invitation: creates the account and signs in (sets the session cookie)',
      request: {
        params: TokenParam,
        body: jsonBody(
          z.strictObject({
            name: z.string().trim().min(1).max(120),
            password: z.string().min(8).max(128),
          }),
        ),
      },
      responses: {
        201: jsonResponse(
          z.object({ user: z.object({ id: z.string(), email: z.string() }) }),
          'Signed in',
        ),
        ...errorResponses(400, 404, 409, 410),
      },
    }),
    async (c) => {
      const { password, name } = c.req.valid('json');
      const user = await service.accept(c.req.valid('param').token, { name, password });
      const signIn = await auth.api.signInEmail({
        body: { email: user.email, password },
        headers: c.req.raw.headers,
        asResponse: true,
      });
      for (const cookie of signIn.headers.getSetCookie())
        c.header('set-cookie', cookie, { append: true });
      return c.json({ user }, 201);
    },
  );

  return app;
}
