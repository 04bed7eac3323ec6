// /api/documents: shared documents, their access lists, collab tokens and version history.
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../auth/session';
import { createFeatureApp, errorResponses, jsonBody, jsonResponse } from '../../http/openapi';
import type { DocumentService } from './service';
import type { CollabTokens } from './token';
import type { VersionService } from './versions';

const AccessSchema = z.enum(['write', 'read']);
const CityAccessSchema = z.strictObject({ slug: z.string().min(1).max(100), access: AccessSchema });

const DocumentSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    kind: z.enum(['document', 'proposal']),
    ownerCity: z.object({ slug: z.string(), name: z.string() }).nullable(),
    access: AccessSchema.openapi({ description: 'What the requesting user may do' }),
    canManage: z.boolean(),
    cities: z.array(z.object({ slug: z.string(), name: z.string(), access: AccessSchema })),
    archived: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Document');

const VersionSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['named', 'auto', 'before-restore']),
    label: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Version');

const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const VersionParams = IdParam.extend({
  versionId: z.uuid().openapi({ param: { name: 'versionId', in: 'path' } }),
});
const Title = z.string().trim().min(1).max(200);

export function documentRoutes(
  documents: DocumentService,
  versions: VersionService,
  tokens: CollabTokens,
) {
  const app = createFeatureApp();
  const one = jsonResponse(z.object({ document: DocumentSchema }), 'The document');

  app.openapi(
    createRoute({
      method: 'post',
      path: '/documents',
      tags: ['Documents'],
      summary: "Create a document owned by the user's city, shared with other cities",
      request: {
        body: jsonBody(
          z.strictObject({ title: Title, cities: z.array(CityAccessSchema).max(400).default([]) }),
        ),
      },
      responses: { 201: one, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        { document: await documents.create(requireUser(c.var.user), c.req.valid('json')) },
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/documents',
      tags: ['Documents'],
      summary: 'Documents the user may read (the Secretariat: all), most recently changed first',
      request: { query: z.object({ archived: z.enum(['true', 'false']).optional() }) },
      responses: {
        200: jsonResponse(z.object({ documents: z.array(DocumentSchema) }), 'Documents'),
        ...errorResponses(401),
      },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      return c.json(
        {
          documents: await documents.list(user, {
            archived: c.req.valid('query').archived === 'true',
          }),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/documents/{id}',
      tags: ['Documents'],
      summary: 'One document',
      request: { params: IdParam },
      responses: { 200: one, ...errorResponses(401, 403, 404) },
    }),
    async (c) =>
      c.json(
        { document: await documents.view(requireUser(c.var.user), c.req.valid('param').id) },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/documents/{id}',
      tags: ['Documents'],
      summary: 'Rename (writers) or archive / unarchive (owner city, Secretariat)',
      request: {
        params: IdParam,
        body: jsonBody(
          z.strictObject({ title: Title.optional(), archived: z.boolean().optional() }),
        ),
      },
      responses: { 200: one, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        {
          document: await documents.update(
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
      method: 'put',
      path: '/documents/{id}/access',
      tags: ['Documents'],
      summary:
        'Set which cities may write or read (owner city, Secretariat); open connections follow within seconds',
      request: {
        params: IdParam,
        body: jsonBody(z.strictObject({ cities: z.array(CityAccessSchema).max(400) })),
      },
      responses: { 200: one, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        {
          document: await documents.setAccess(
            requireUser(c.var.user),
            c.req.valid('param').id,
            c.req.valid('json').cities,
          ),
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/documents/{id}/token',
      tags: ['Documents'],
      summary:
        "A short-lived token to open the document's WebSocket with `?token=` instead of the cookie",
      request: { params: IdParam },
      responses: {
        200: jsonResponse(
          z.object({ token: z.string(), expiresAt: z.string(), access: AccessSchema }),
          'The token and the access it grants now',
        ),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const { id } = c.req.valid('param');
      const { access } = await documents.authorize(user, id, 'read');
      const issued = tokens.issue(id, user.id);
      return c.json(
        { token: issued.token, expiresAt: issued.expiresAt.toISOString(), access },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/documents/{id}/versions',
      tags: ['Versions'],
      summary: 'Versions of a document, newest first',
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ versions: z.array(VersionSchema) }), 'Versions'),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) =>
      c.json(
        { versions: await versions.list(requireUser(c.var.user), c.req.valid('param').id) },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/documents/{id}/versions',
      tags: ['Versions'],
      summary: 'Save the current state as a named version',
      request: {
        params: IdParam,
        body: jsonBody(z.strictObject({ label: z.string().trim().min(1).max(120) })),
      },
      responses: {
        201: jsonResponse(z.object({ version: VersionSchema }), 'The version'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const version = await versions.createNamed(
        requireUser(c.var.user),
        c.req.valid('param').id,
        c.req.valid('json').label,
      );
      return c.json({ version }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/documents/{id}/versions/{versionId}',
      tags: ['Versions'],
      summary: "A version's state, as a Yjs update (base64) to view read-only",
      request: { params: VersionParams },
      responses: {
        200: jsonResponse(
          z.object({ version: VersionSchema, state: z.string().openapi({ format: 'byte' }) }),
          'The version',
        ),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const { id, versionId } = c.req.valid('param');
      const row = await versions.get(requireUser(c.var.user), id, versionId);
      return c.json(
        {
          version: {
            id: row.id,
            kind: row.kind,
            label: row.label,
            createdBy: null,
            createdAt: row.createdAt.toISOString(),
          },
          state: Buffer.from(row.state).toString('base64'),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/documents/{id}/versions/{versionId}/restore',
      tags: ['Versions'],
      summary: 'Restore a version as an ordinary edit (the state before is kept as a version)',
      request: { params: VersionParams },
      responses: {
        200: jsonResponse(
          z.object({ restored: z.uuid(), beforeRestore: VersionSchema }),
          'Restored',
        ),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const { id, versionId } = c.req.valid('param');
      return c.json(await versions.restore(requireUser(c.var.user), id, versionId), 200);
    },
  );

  return app;
}
