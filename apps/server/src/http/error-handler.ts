// The one place where errors become HTTP responses: `{ error: { code, message } }` with a stable code.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, type ErrorBody, type ErrorCode } from '../errors';
import type { AppEnv } from './context';

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

export function handleError(error: Error, c: Context<AppEnv>) {
  if (error instanceof AppError) {
    return c.json(errorBody(error.code, error.message, error.details), error.status);
  }
  if (error instanceof HTTPException) {
    // Hono's body parsers throw these; a body that is not JSON is the common case.
    const isJson = /json/i.test(error.message);
    if (error.status === 400) {
      return c.json(
        errorBody(
          isJson ? 'invalid_json' : 'bad_request',
          isJson ? 'The request body is not valid JSON.' : error.message,
        ),
        400,
      );
    }
    if (error.status === 413) {
      return c.json(errorBody('payload_too_large', 'The request body is too large.'), 413);
    }
    return c.json(errorBody('bad_request', error.message), 400);
  }
  c.var.log?.error({ err: error }, 'unhandled error');
  return c.json(errorBody('internal', 'Something went wrong on our side.'), 500);
}
