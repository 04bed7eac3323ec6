// Which message a user sees for an API error.

import { ThreadErrorCode } from '@uccn/protocol';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { LiveErrorCode, LiveRequestError } from '../live/socket';
import { errorKey, errorKeyForCode } from './errors';

describe('errorKey', () => {
  it('uses the error code when there is a message for it', () => {
    expect(errorKey(new ApiError(401, 'invalid_email_or_password', ''))).toBe(
      'errors.invalid_email_or_password',
    );
    expect(errorKey(new ApiError(410, 'invitation_expired', ''))).toBe('errors.invitation_expired');
  });

  it("has a message for each of the server's error codes the web app meets", () => {
    const serverCodes = [
      'bad_request',
      'validation_failed',
      'unauthorized',
      'invalid_credentials',
      'forbidden',
      'not_found',
      'city_not_found',
      'invitation_not_found',
      'email_taken',
      'invitation_used',
      'invitation_expired',
      'rate_limited',
      'internal',
      'unavailable',
      'proposal_not_found',
      'invalid_transition',
      'note_required',
      'proposal_not_editable',
      'partner_state',
      'managed_by_proposal',
    ];
    for (const code of serverCodes) {
      expect(errorKey(new ApiError(400, code, ''))).toBe(`errors.${code}`);
    }
  });

  it('falls back to the HTTP status for an unknown code', () => {
    expect(errorKey(new ApiError(429, 'slow_down_please', ''))).toBe('errors.rate_limited');
    expect(errorKey(new ApiError(503, 'database_down', ''))).toBe('errors.server_error');
    expect(errorKey(new ApiError(0, 'whatever', ''))).toBe('errors.network_error');
  });

  it('never resolves to the catalogue entries that are not error messages', () => {
    expect(errorKey(new ApiError(400, 'title', ''))).toBe('errors.http_error');
  });

  it('uses the generic message for anything that is not an ApiError', () => {
    expect(errorKey(new Error('boom'))).toBe('errors.unknown');
  });

  it('has a message for every code of a refused socket request', () => {
    for (const code of [...Object.values(ThreadErrorCode), ...Object.values(LiveErrorCode)]) {
      expect(errorKey(new LiveRequestError(code, ''))).toBe(`errors.${code}`);
    }
    expect(errorKey(new LiveRequestError('brand_new_code', ''))).toBe('errors.unknown');
    expect(errorKeyForCode('title')).toBe('errors.unknown');
  });
});
