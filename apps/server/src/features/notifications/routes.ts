// /api/notifications: the user's notification centre, and which kinds reach them by email.
import { createRoute, z } from '@hono/zod-openapi';
import { NOTIFICATION_KINDS } from '@uccn/protocol';
import { requireUser } from '../../auth/session';
import { createFeatureApp, errorResponses, jsonBody, jsonResponse } from '../../http/openapi';
import type { NotificationService } from './service';

const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    title: z.string(),
    body: z.string(),
    url: z.string(),
    actor: z.object({ id: z.string(), name: z.string() }).nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

const PreferencesSchema = z.object({
  preferences: z.array(z.object({ kind: z.enum(NOTIFICATION_KINDS), email: z.boolean() })),
});

export function notificationRoutes(notifications: NotificationService) {
  const app = createFeatureApp();
  const tags = ['Notifications'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/notifications',
      tags,
      summary: "The user's notifications, newest first, and the unread count",
      request: {
        query: z.object({
          before: z
            .string()
            .regex(/^[1-9][0-9]{0,15}$/)
            .optional(),
          limit: z.coerce.number().int().min(1).max(100).default(30),
        }),
      },
      responses: {
        200: jsonResponse(
          z.object({
            notifications: z.array(NotificationSchema),
            unread: z.number().int(),
            nextCursor: z.string().nullable(),
          }),
          'Notifications',
        ),
        ...errorResponses(400, 401),
      },
    }),
    async (c) =>
      c.json(await notifications.list(requireUser(c.var.user), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/notifications/read',
      tags,
      summary: 'Mark notifications read: some by id, or all',
      request: {
        body: jsonBody(
          z.union([
            z.strictObject({ ids: z.array(z.string().regex(/^[1-9][0-9]{0,15}$/)).max(500) }),
            z.strictObject({ all: z.literal(true) }),
          ]),
        ),
      },
      responses: {
        200: jsonResponse(z.object({ unread: z.number().int() }), 'Unread left'),
        ...errorResponses(400, 401),
      },
    }),
    async (c) =>
      c.json(
        { unread: await notifications.markRead(requireUser(c.var.user), c.req.valid('json')) },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/notifications/preferences',
      tags,
      summary: 'Which kinds of notification reach the user by email (a daily digest)',
      responses: { 200: jsonResponse(PreferencesSchema, 'Preferences'), ...errorResponses(401) },
    }),
    async (c) =>
      c.json({ preferences: await notifications.preferences(requireUser(c.var.user).id) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/notifications/preferences',
      tags,
      summary: 'Choose which kinds reach the user by email',
      request: { body: jsonBody(PreferencesSchema.strict()) },
      responses: {
        200: jsonResponse(PreferencesSchema, 'Preferences'),
        ...errorResponses(400, 401),
      },
    }),
    async (c) =>
      c.json(
        {
          preferences: await notifications.setPreferences(
            requireUser(c.var.user).id,
            c.req.valid('json').preferences,
          ),
        },
        200,
      ),
  );

  return app;
}
