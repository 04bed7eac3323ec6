import { describe, expect, it } from 'vitest';
import { CollabTokens } from './token';

describe('CollabTokens', () => {
  const tokens = new CollabTokens('s'.repeat(32), 60);
  it('accepts its own token for the same document until it expires', () => {
    const { token } = tokens.issue('doc-1', 'user-1', 1_000_000);
    expect(tokens.verify(token, 'doc-1', 1_000_000)?.u).toBe('user-1');
    expect(tokens.verify(token, 'doc-2', 1_000_000)).toBeNull();
    expect(tokens.verify(token, 'doc-1', 1_000_000 + 61_000)).toBeNull();
  });
  it('refuses a tampered or foreign token', () => {
    const { token } = tokens.issue('doc-1', 'user-1');
    const [body, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ d: 'doc-1', u: 'admin', exp: 9e9 })).toString(
      'base64url',
    );
    expect(tokens.verify(`${forged}.${signature}`, 'doc-1')).toBeNull();
    expect(tokens.verify(`${body}.x${signature}`, 'doc-1')).toBeNull();
    expect(new CollabTokens('t'.repeat(32), 60).verify(token, 'doc-1')).toBeNull();
    expect(tokens.verify('garbage', 'doc-1')).toBeNull();
  });
});
