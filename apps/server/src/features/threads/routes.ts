// /api/channels, /api/topics, /api/messages: reading channels and history over HTTP, and the
// Secretariat's moderation. Posting is live, over socket.io (see socket.ts).
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../auth/session';
import { createFeatureApp, errorResponses, jsonBody, jsonResponse } from '../../http/openapi';
import type { MessageNotifier } from './message-notifier';
import type { ThreadModeration } from './moderation';
import type { ThreadService } from './service';
import { ChannelSchema, MessageSchema, TopicSchema } from './wire-schemas';

const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const MessageIdParam = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const Cursor = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/)
  .optional();
const Limit = (max: number, fallback: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);
const Reason = z.string().trim().min(1).max(500);

export function threadRoutes(
  threads: ThreadService,
  moderation: ThreadModeration,
  notifier: MessageNotifier,
) {
  const app = createFeatureApp();
  const tags = ['Discussions'];
  const channelResponse = jsonResponse(z.object({ channel: ChannelSchema }), 'The channel');

  app.openapi(
    createRoute({
      method: 'get',
      path: '/channels',
      tags,
      summary: 'Channels the user may read: fields, announcements, their documents',
      responses: {
        200: jsonResponse(z.object({ channels: z.array(ChannelSchema) }), 'Channels'),
        ...errorResponses(401),
      },
    }),
    async (c) => c.json({ channels: await threads.channels.list(requireUser(c.var.user)) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/channels/{id}',
      tags,
      summary: 'One channel, with the unread count',
      request: { params: IdParam },
      responses: { 200: channelResponse, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const channel = await threads.channels.resolve(user, c.req.valid('param').id);
      return c.json({ channel: await threads.channels.summary(user, channel) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/documents/{id}/channel',
      tags,
      summary: "A document's (or proposal's) discussion channel, made on first use",
      request: { params: IdParam },
      responses: { 200: channelResponse, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const channel = await threads.channels.forDocument(user, c.req.valid('param').id);
      return c.json({ channel: await threads.channels.summary(user, channel) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/channels/{id}/topics',
      tags,
      summary: "A channel's topics, most recently active first",
      request: {
        params: IdParam,
        query: z.object({ cursor: Cursor, limit: Limit(100, 30) }),
      },
      responses: {
        200: jsonResponse(
          z.object({ topics: z.array(TopicSchema), nextCursor: z.string().nullable() }),
          'Topics',
        ),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { cursor, limit } = c.req.valid('query');
      return c.json(
        await threads.listTopics(requireUser(c.var.user), c.req.valid('param').id, {
          cursor,
          limit,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/topics/{id}',
      tags,
      summary: 'One topic and its channel',
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ topic: TopicSchema, channel: ChannelSchema }), 'The topic'),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => c.json(await threads.topic(requireUser(c.var.user), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/topics/{id}/messages',
      tags,
      summary: "A page of a topic's messages, oldest first",
      description:
        'Without a cursor: the latest page. `before`/`after`: the page before or after a message. `around`: a page centred on a message (to open a topic at it).',
      request: {
        params: IdParam,
        query: z.object({ before: Cursor, after: Cursor, around: Cursor, limit: Limit(200, 50) }),
      },
      responses: {
        200: jsonResponse(
          z.object({
            messages: z.array(MessageSchema),
            hasBefore: z.boolean(),
            hasAfter: z.boolean(),
          }),
          'Messages',
        ),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) =>
      c.json(
        await threads.history(
          requireUser(c.var.user),
          c.req.valid('param').id,
          c.req.valid('query'),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/mentionables',
      tags,
      summary: 'People and cities to offer after an @, for autocomplete',
      request: { query: z.object({ q: z.string().max(100).default('') }) },
      responses: {
        200: jsonResponse(
          z.object({
            candidates: z.array(
              z.object({
                type: z.enum(['user', 'city']),
                id: z.string(),
                name: z.string(),
                city: z.object({ slug: z.string(), name: z.string() }).nullable(),
              }),
            ),
          }),
          'Candidates',
        ),
        ...errorResponses(401),
      },
    }),
    async (c) => {
      requireUser(c.var.user);
      return c.json({ candidates: await notifier.mentionables(c.req.valid('query').q) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/messages/{id}/hide',
      tags,
      summary: 'Hide a message, with a reason (Secretariat)',
      request: { params: MessageIdParam, body: jsonBody(z.strictObject({ reason: Reason })) },
      responses: {
        200: jsonResponse(z.object({ message: MessageSchema }), 'The hidden message'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) =>
      c.json(
        {
          message: await moderation.hide(
            requireUser(c.var.user),
            c.req.valid('param').id,
            c.req.valid('json').reason,
          ),
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/topics/{id}/lock',
      tags,
      summary: 'Lock or unlock a topic (Secretariat)',
      request: { params: IdParam, body: jsonBody(z.strictObject({ locked: z.boolean() })) },
      responses: {
        200: jsonResponse(z.object({ topic: TopicSchema }), 'The topic'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) =>
      c.json(
        {
          topic: await moderation.lock(
            requireUser(c.var.user),
            c.req.valid('param').id,
            c.req.valid('json').locked,
          ),
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/channels/{id}/mutes',
      tags,
      summary: 'Mute someone in a channel for a while (Secretariat)',
      request: {
        params: IdParam,
        body: jsonBody(
          z.strictObject({
            userId: z.string().min(1).max(100),
            minutes: z
              .number()
              .int()
              .min(1)
              .max(60 * 24 * 90),
            reason: Reason,
          }),
        ),
      },
      responses: {
        200: jsonResponse(
          z.object({ mute: z.object({ userId: z.string(), until: z.string() }) }),
          'The mute',
        ),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) =>
      c.json(
        {
          mute: await moderation.mute(
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
      method: 'delete',
      path: '/channels/{id}/mutes/{userId}',
      tags,
      summary: 'Lift a mute (Secretariat)',
      request: {
        params: IdParam.extend({
          userId: z
            .string()
            .min(1)
            .max(100)
            .openapi({ param: { name: 'userId', in: 'path' } }),
        }),
      },
      responses: { 204: { description: 'Lifted' }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const { id, userId } = c.req.valid('param');
      await moderation.unmute(requireUser(c.var.user), id, userId);
      return c.body(null, 204);
    },
  );

  return app;
}
