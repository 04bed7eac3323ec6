// Mounts better-auth under /api/auth and gives its errors our shape and stable codes, so that
// a client handles one error format across the whole API.
import type { Context } from 'hono';
import type { Auth } from '../auth/auth';
import type { ErrorCode } from '../errors';
import type { AppEnv } from './context';
import { errorBody } from './error-handler';

/** better-auth's own codes that clients act on, mapped to ours. */
const AUTH_CODES: Record<string, ErrorCode> = {
  INVALID_EMAIL_OR_PASSWORD: 'invalid_credentials',
  INVALID_EMAIL: 'validation_failed',
  INVALID_PASSWORD: 'invalid_credentials',
  PASSWORD_TOO_SHORT: 'validation_failed',
  PASSWORD_TOO_LONG: 'validation_failed',
  EMAIL_NOT_VERIFIED: 'forbidden',
  VALIDATION_ERROR: 'validation_failed',
};

function codeFor(status: number, authCode: string | undefined): ErrorCode {
  if (authCode && AUTH_CODES[authCode]) return AUTH_CODES[authCode];
  if (status === 429) return 'rate_limited';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status >= 500) return 'internal';
  return 'bad_request';
}

export async function handleAuthRequest(auth: Auth, c: Context<AppEnv>) {
  const response = await auth.handler(c.req.raw);
  if (response.status < 400) return response;
  const text = await response.text();
  let original: { code?: string; message?: string } = {};
  try {
    original = JSON.parse(text) as typeof original;
  } catch {
    // A non-JSON error body (rare) keeps its text as the message below.
  }
  const code = codeFor(response.status, original.code);
  const message =
    code === 'rate_limited'
      ? 'Too many attempts. Wait a minute and try again.'
      : (original.message ?? (text || response.statusText));
  const headers = new Headers(response.headers);
  headers.set('content-type', 'application/json');
  headers.delete('content-length');
  const retryAfter = headers.get('x-retry-after');
  if (retryAfter) headers.set('retry-after', retryAfter);
  return new Response(
    JSON.stringify(
      errorBody(code, message, original.code ? { authCode: original.code } : undefined),
    ),
    { status: response.status, headers },
  );
}
