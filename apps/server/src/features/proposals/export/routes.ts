// GET /api/proposals/{id}/export: the proposal as Markdown, PDF or Word, for whoever may see it.
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../../auth/session';
import { createFeatureApp, errorResponses } from '../../../http/openapi';
import { IdParam } from '../schemas';
import type { ProposalViews } from '../views';
import { CONTENT_TYPES, type ProposalExporter } from './exporter';
import { EXPORT_FORMATS } from './types';

const ExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS).openapi({
    param: { name: 'format', in: 'query' },
    description: '`md` (GitHub-flavoured Markdown), `pdf` (A4) or `docx` (Word)',
  }),
});

const File = z.string().openapi({ format: 'binary' });

export function proposalExportRoutes(views: ProposalViews, exporter: ProposalExporter) {
  const app = createFeatureApp();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/proposals/{id}/export',
      tags: ['Proposals'],
      summary:
        'Download the proposal: a cover (title, status, cities, fields, SDGs, themes, budget, dates) and the document',
      request: { params: IdParam, query: ExportQuery },
      responses: {
        200: {
          description: 'The file, as an attachment named after the title',
          headers: z.object({
            'content-disposition': z.string().openapi({
              example: `attachment; filename="Popayan.pdf"; filename*=UTF-8''Popay%C3%A1n.pdf`,
            }),
          }),
          content: {
            [CONTENT_TYPES.md.split(';')[0] as string]: { schema: z.string() },
            [CONTENT_TYPES.pdf]: { schema: File },
            [CONTENT_TYPES.docx]: { schema: File },
          },
        },
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const user = requireUser(c.var.user);
      const view = await views.view(user, c.req.valid('param').id);
      const file = await exporter.file(view, c.req.valid('query').format);
      return c.body(file.body, 200, {
        'content-type': file.contentType,
        'content-disposition': file.contentDisposition,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      });
    },
  );
  return app;
}
