// Close codes: which ones stop live editing, and which reconnect.
import { CloseCode } from '@uccn/protocol';
import { describe, expect, it } from 'vitest';
import { closeOutcome } from './closeCodes';

describe('closeOutcome', () => {
  it('reconnects after a change of access and reads the access again', () => {
    expect(closeOutcome(CloseCode.AccessChanged)).toEqual({
      reconnect: true,
      problem: null,
      refreshAccess: true,
    });
  });

  it('reconnects after transient failures and dropped networks', () => {
    for (const code of [
      CloseCode.InternalError,
      CloseCode.ServerShuttingDown,
      CloseCode.SlowConsumer,
      CloseCode.RateLimited,
      1006,
      1009,
    ]) {
      expect(closeOutcome(code), String(code)).toMatchObject({ reconnect: true, problem: null });
    }
  });

  it('stops with a message for final codes', () => {
    expect(closeOutcome(CloseCode.DocumentTooLarge)).toMatchObject({
      reconnect: false,
      problem: 'tooLarge',
    });
    expect(closeOutcome(CloseCode.Unauthorized).problem).toBe('unauthorized');
    expect(closeOutcome(CloseCode.DocumentGone).problem).toBe('gone');
    expect(closeOutcome(CloseCode.MalformedMessage).problem).toBe('malformed');
  });
});
