// /api/documents/{id}/comments and /api/comments/{id}: comment threads on a document's text.
// Changes are also pushed live over socket.io (`comments:watch`, then `comment:changed`).
import { createRoute, z } from '@hono/zod-openapi';
import { MAX_COMMENT_QUOTE_LENGTH } from '@uccn/protocol';
import { requireUser } from '../../auth/session';
import { createFeatureApp, errorResponses, jsonBody, jsonResponse } from '../../http/openapi';
import { AuthorSchema } from '../threads/wire-schemas';
import { CommentAnchorSchema } from './anchor';
import type { CommentService } from './service';

const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
/** Length is checked by the service, so that an over-long body gets its own error code. */
const Body = z.string().openapi({ description: 'As written; at most 5,000 characters' });

const CommentSchema = z
  .object({
    id: z.uuid(),
    author: AuthorSchema.nullable(),
    body: z.string().openapi({ description: 'As written; render as text. Empty when deleted.' }),
    createdAt: z.string(),
    editedAt: z.string().nullable(),
    deleted: z.boolean(),
  })
  .openapi('Comment');

const ThreadSchema = CommentSchema.extend({
  documentId: z.uuid(),
  anchor: CommentAnchorSchema,
  quote: z.string(),
  resolved: z.object({ at: z.string(), by: AuthorSchema.nullable() }).nullable(),
  replies: z.array(CommentSchema),
}).openapi('CommentThread');

const threadResponse = jsonResponse(z.object({ thread: ThreadSchema }), 'The thread as it is now');

export function commentRoutes(comments: CommentService) {
  const app = createFeatureApp();
  const tags = ['Comments'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/documents/{id}/comments',
      tags,
      summary: "A document's comment threads with their replies, oldest first",
      description: 'Resolved threads are included (see `resolved`); fully deleted ones are not.',
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ threads: z.array(ThreadSchema) }), 'Threads'),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) =>
      c.json(
        { threads: await comments.list(requireUser(c.var.user), c.req.valid('param').id) },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/documents/{id}/comments',
      tags,
      summary: 'Start a thread on a range of the text',
      description:
        'Anyone who may read the document may comment, read-only cities and the Secretariat included. A body over 5,000 characters is refused with `message_too_long` (413).',
      request: {
        params: IdParam,
        body: jsonBody(
          z.strictObject({
            anchor: CommentAnchorSchema,
            quote: z.string().max(MAX_COMMENT_QUOTE_LENGTH),
            body: Body,
          }),
        ),
      },
      responses: { 201: threadResponse, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const thread = await comments.create(user, c.req.valid('param').id, c.req.valid('json'));
      return c.json({ thread }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/comments/{id}/replies',
      tags,
      summary: 'Reply to the thread this comment belongs to',
      request: { params: IdParam, body: jsonBody(z.strictObject({ body: Body })) },
      responses: {
        201: jsonResponse(z.object({ thread: ThreadSchema, reply: CommentSchema }), 'The reply'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { body } = c.req.valid('json');
      return c.json(await comments.reply(user, c.req.valid('param').id, body), 201);
    },
  );

  for (const [action, resolved] of [
    ['resolve', true],
    ['reopen', false],
  ] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/comments/{id}/${action}`,
        tags,
        summary: resolved
          ? 'Resolve the thread this comment belongs to'
          : 'Reopen the thread this comment belongs to',
        description: 'Anyone who may comment may do it; asking twice changes nothing.',
        request: { params: IdParam },
        responses: { 200: threadResponse, ...errorResponses(401, 403, 404) },
      }),
      async (c) => {
        const user = requireUser(c.var.user);
        const thread = await comments.setResolved(user, c.req.valid('param').id, resolved);
        return c.json({ thread }, 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/comments/{id}',
      tags,
      summary: 'Edit your own comment',
      request: { params: IdParam, body: jsonBody(z.strictObject({ body: Body })) },
      responses: { 200: threadResponse, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { body } = c.req.valid('json');
      return c.json({ thread: await comments.edit(user, c.req.valid('param').id, body) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/comments/{id}',
      tags,
      summary: 'Delete your own comment',
      description: 'The text goes; the thread keeps its place and its replies.',
      request: { params: IdParam },
      responses: { 200: threadResponse, ...errorResponses(401, 403, 404) },
    }),
    async (c) =>
      c.json(
        { thread: await comments.remove(requireUser(c.var.user), c.req.valid('param').id) },
        200,
      ),
  );

  return app;
}
