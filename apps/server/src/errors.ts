// Typed errors with stable codes. Thrown where a problem is found; each transport maps them
// in one place (HTTP: http/error-handler.ts).
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error code a client may see, with its HTTP status. Codes never change meaning. */
export const ERROR_CODES = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  city_not_found: 404,
  user_not_found: 404,
  invitation_not_found: 404,
  document_not_found: 404,
  comment_not_found: 404,
  version_not_found: 404,
  channel_not_found: 404,
  topic_not_found: 404,
  message_not_found: 404,
  notification_not_found: 404,
  proposal_not_found: 404,
  initiative_not_found: 404,
  note_required: 400,
  muted: 403,
  conflict: 409,
  email_taken: 409,
  invitation_used: 409,
  invalid_transition: 409,
  proposal_not_editable: 409,
  partner_state: 409,
  managed_by_proposal: 409,
  no_cooperation_dimension: 409,
  invitation_expired: 410,
  payload_too_large: 413,
  message_too_long: 413,
  topic_locked: 423,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly status: ContentfulStatusCode;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_CODES[code];
  }
}

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
