// Turns an error into the translation key of a message a user can act on.
import { ApiError, codeForStatus } from '../api/client';
import en from './en.json';

type ErrorCode = Exclude<keyof typeof en.errors, 'title' | 'retry'>;

function isErrorCode(code: string): code is ErrorCode {
  return code !== 'title' && code !== 'retry' && Object.hasOwn(en.errors, code);
}

/** The `errors.*` key for a stable error code, or the generic one when we have no message. */
export function errorKeyForCode(code: string): `errors.${ErrorCode}` {
  return isErrorCode(code) ? `errors.${code}` : 'errors.unknown';
}

/**
 * The `errors.*` key for an error: its own code when we have a message for it, else one for its
 * HTTP status, else the generic one.
 *
 * @example errorKey(new ApiError(401, 'invalid_email_or_password', '')) // 'errors.invalid_email_or_password'
 */
export function errorKey(error: unknown): `errors.${ErrorCode}` {
  if (error instanceof ApiError) {
    if (isErrorCode(error.code)) return `errors.${error.code}`;
    const byStatus = error.status === 0 ? 'network_error' : codeForStatus(error.status);
    if (isErrorCode(byStatus)) return `errors.${byStatus}`;
  }
  // A refused socket request carries a code too (see live/socket.ts), but no HTTP status.
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && typeof code === 'string') return errorKeyForCode(code);
  return 'errors.unknown';
}
