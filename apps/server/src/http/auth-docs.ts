// OpenAPI entries for the better-auth endpoints that clients use, which better-auth serves itself.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from './context';
import { ErrorSchema, errorResponses, jsonBody, jsonResponse } from './openapi';

export function documentAuthRoutes(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/auth/sign-in/email',
    tags: ['Accounts'],
    summary: 'Sign in with email and password; sets the HttpOnly session cookie',
    request: {
      body: jsonBody(
        z.object({
          email: z.email(),
          password: z.string(),
          rememberMe: z.boolean().optional(),
        }),
      ),
    },
    responses: {
      200: jsonResponse(
        z.object({ user: z.object({ id: z.string(), email: z.string(), name: z.string() }) }),
        'Signed in',
      ),
      401: {
        description: 'Wrong email or password (`invalid_credentials`)',
        content: { 'application/json': { schema: ErrorSchema } },
      },
      ...errorResponses(400, 403, 429),
    },
  });
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/auth/sign-out',
    tags: ['Accounts'],
    summary: 'Sign out; clears the session cookie',
    request: { body: jsonBody(z.object({})) },
    responses: { 200: jsonResponse(z.object({ success: z.boolean() }), 'Signed out') },
  });
}
