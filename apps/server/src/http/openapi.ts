// Shared OpenAPI pieces: the error body, and a sub-app factory whose validation failures become
// our `validation_failed` errors instead of Hono's default response.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError, ERROR_CODES } from '../errors';
import type { AppEnv } from './context';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES]),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

/** A response entry for each error status a route can answer with. */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 410 | 429)[]) {
  const descriptions = {
    400: 'Bad input',
    401: 'Not signed in',
    403: 'Not allowed',
    404: 'Not found',
    409: 'Conflict',
    410: 'Gone',
    429: 'Too many requests',
  } as const;
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: descriptions[status],
        content: { 'application/json': { schema: ErrorSchema } },
      },
    ]),
  );
}

/** A feature's sub-app; mount it with `app.route('/api', feature)`. */
export function createFeatureApp() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError(
          'validation_failed',
          result.error.issues
            .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
            .join('; '),
          { issues: result.error.issues.map(({ path, message }) => ({ path, message })) },
        );
      }
    },
  });
}

/** A JSON response entry of a route. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A JSON request body entry of a route; required, so that an empty body is a 400. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}
