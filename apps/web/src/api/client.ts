// The fetch wrapper every API call goes through: JSON in and out, cookies, typed errors.

/** Codes the client assigns itself when the server gave none (or could not be reached). */
export const ClientErrorCode = {
  Network: 'network_error',
  InvalidResponse: 'invalid_response',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  RateLimited: 'rate_limited',
  Server: 'server_error',
  Http: 'http_error',
} as const;

/** An API failure with the server's stable error code (lower snake case) and HTTP status. */
export class ApiError extends Error {
  readonly code: string;
  /** HTTP status, or 0 when the server could not be reached. */
  readonly status: number;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The code to use when the body carries none, from the HTTP status alone. */
export function codeForStatus(status: number): string {
  if (status === 401) return ClientErrorCode.Unauthorized;
  if (status === 403) return ClientErrorCode.Forbidden;
  if (status === 404) return ClientErrorCode.NotFound;
  if (status === 429) return ClientErrorCode.RateLimited;
  if (status >= 500) return ClientErrorCode.Server;
  return ClientErrorCode.Http;
}

/**
 * Builds the `ApiError` for a failed response. Reads our shape
 * `{ error: { code, message } }` and better-auth's `{ code, message }`; better-auth's
 * upper-case codes are lower-cased so that every code has one spelling.
 *
 * @example parseApiError(401, { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid' }).code
 *   // 'invalid_email_or_password'
 */
export function parseApiError(status: number, body: unknown): ApiError {
  const source = isRecord(body) && isRecord(body.error) ? body.error : body;
  const rawCode = isRecord(source) && typeof source.code === 'string' ? source.code : '';
  const message =
    isRecord(source) && typeof source.message === 'string' && source.message !== ''
      ? source.message
      : `HTTP ${status}`;
  const code = rawCode === '' ? codeForStatus(status) : rawCode.toLowerCase();
  return new ApiError(status, code, message);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // Not JSON (a proxy's HTML error page, say): the caller reports it with the status.
    return { ok: false };
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls the API under the same origin and returns the parsed JSON body. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal } = options;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'include',
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, ClientErrorCode.Network, String(error));
  }
  const parsed = parseJson(await response.text());
  if (!response.ok) throw parseApiError(response.status, parsed.ok ? parsed.value : null);
  if (!parsed.ok) {
    throw new ApiError(response.status, ClientErrorCode.InvalidResponse, 'Response is not JSON');
  }
  return parsed.value as T;
}
