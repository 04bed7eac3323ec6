// /api/proposals: joint project proposals, their partners and status; /api/sdgs and /api/themes.
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../auth/session';
import { createFeatureApp, errorResponses, jsonBody, jsonResponse } from '../../http/openapi';
import type { PartnerService } from './partners';
import type { ReferenceLists } from './reference';
import {
  CreateBody,
  HistorySchema,
  IdParam,
  ListQuery,
  PartnerParams,
  ProposalSchema,
  SdgSchema,
  ThemeSchema,
  TransitionBody,
  UpdateBody,
} from './schemas';
import type { ProposalService } from './service';
import type { ProposalViews } from './views';

const tags = ['Proposals'];

export function proposalRoutes(
  proposals: ProposalService,
  partners: PartnerService,
  views: ProposalViews,
  reference: ReferenceLists,
) {
  const app = createFeatureApp();
  const one = jsonResponse(z.object({ proposal: ProposalSchema }), 'The proposal');
  const maybeOne = jsonResponse(
    z.object({ proposal: ProposalSchema.nullable() }),
    'The proposal, or null when the user may no longer see it',
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/sdgs',
      tags,
      summary: 'The 17 Sustainable Development Goals and their targets',
      responses: {
        200: jsonResponse(z.object({ sdgs: z.array(SdgSchema) }), 'Goals'),
        ...errorResponses(401),
      },
    }),
    async (c) => {
      requireUser(c.var.user);
      return c.json({ sdgs: await reference.sdgs() }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/themes',
      tags,
      summary: 'Themes a proposal may address',
      responses: {
        200: jsonResponse(z.object({ themes: z.array(ThemeSchema) }), 'Themes'),
        ...errorResponses(401),
      },
    }),
    async (c) => {
      requireUser(c.var.user);
      return c.json({ themes: await reference.themes() }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/proposals',
      tags,
      summary: "Start a proposal led by the user's city (a draft, its document from the template)",
      request: { body: jsonBody(CreateBody) },
      responses: { 201: one, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        { proposal: await proposals.create(requireUser(c.var.user), c.req.valid('json')) },
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/proposals',
      tags,
      summary:
        "Proposals the user may see (`scope=mine`: their city's), filtered; with `q`, best matches first",
      request: { query: ListQuery },
      responses: {
        200: jsonResponse(z.object({ proposals: z.array(ProposalSchema) }), 'Proposals'),
        ...errorResponses(400, 401),
      },
    }),
    async (c) =>
      c.json({ proposals: await views.list(requireUser(c.var.user), c.req.valid('query')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/proposals/{id}',
      tags,
      summary: 'One proposal, with what the user may do with it',
      request: { params: IdParam },
      responses: { 200: one, ...errorResponses(401, 404) },
    }),
    async (c) =>
      c.json({ proposal: await views.view(requireUser(c.var.user), c.req.valid('param').id) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/proposals/{id}',
      tags,
      summary:
        'Change details (lead and accepted partners, while draft or returned) or the public summary (once supported)',
      request: { params: IdParam, body: jsonBody(UpdateBody) },
      responses: { 200: one, ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(
        {
          proposal: await proposals.update(
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
      method: 'post',
      path: '/proposals/{id}/transitions',
      tags,
      summary:
        'Move the proposal to another status (submit, withdraw; the Secretariat: review, decide, return — with a note)',
      request: { params: IdParam, body: jsonBody(TransitionBody) },
      responses: { 200: one, ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { to, note } = c.req.valid('json');
      return c.json(
        {
          proposal: await proposals.transition(
            requireUser(c.var.user),
            c.req.valid('param').id,
            to,
            note,
          ),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/proposals/{id}/history',
      tags,
      summary: 'Status changes, oldest first',
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ history: z.array(HistorySchema) }), 'History'),
        ...errorResponses(401, 404),
      },
    }),
    async (c) =>
      c.json(
        { history: await views.history(requireUser(c.var.user), c.req.valid('param').id) },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/proposals/{id}/partners',
      tags,
      summary: "Invite a partner city (the lead city's people, while draft or returned)",
      request: {
        params: IdParam,
        body: jsonBody(z.strictObject({ city: z.string().min(1).max(100) })),
      },
      responses: { 200: one, ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(
        {
          proposal: await partners.invite(
            requireUser(c.var.user),
            c.req.valid('param').id,
            c.req.valid('json').city,
          ),
        },
        200,
      ),
  );

  for (const action of ['accept', 'decline', 'leave'] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/proposals/{id}/partners/{city}/${action}`,
        tags,
        summary:
          action === 'leave'
            ? 'Take a partner city out (its focal point)'
            : `${action === 'accept' ? 'Accept' : 'Decline'} an invitation (the invited city's focal point)`,
        request: { params: PartnerParams },
        responses: { 200: maybeOne, ...errorResponses(401, 403, 404, 409) },
      }),
      async (c) => {
        const user = requireUser(c.var.user);
        const { id, city } = c.req.valid('param');
        const proposal =
          action === 'leave'
            ? await partners.leave(user, id, city)
            : await partners.answer(user, id, city, action);
        return c.json({ proposal }, 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'post',
      path: '/proposals/{id}/lead',
      tags,
      summary: "Hand the lead to an accepted partner (the lead city's focal point)",
      request: {
        params: IdParam,
        body: jsonBody(z.strictObject({ city: z.string().min(1).max(100) })),
      },
      responses: { 200: one, ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(
        {
          proposal: await partners.handOver(
            requireUser(c.var.user),
            c.req.valid('param').id,
            c.req.valid('json').city,
          ),
        },
        200,
      ),
  );

  return app;
}
