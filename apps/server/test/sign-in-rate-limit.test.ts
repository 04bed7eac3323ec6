// Sign-in attempts are rate limited per client address, and the limit answers with a stable code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './support/http-client';
import { startTestServer, type TestServer } from './support/test-server';

describe('sign-in rate limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite', { SIGN_IN_RATE_LIMIT: '3' });
  });
  afterAll(() => server?.stop());

  it('refuses the attempt after the limit with 429 rate_limited', async () => {
    const client = new TestClient(server.url);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      statuses.push((await client.signIn('montreal@uccn.test', 'wrong-password')).status);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    const limited = await client.signIn('montreal@uccn.test', 'wrong-password');
    expect(limited.status).toBe(429);
    expect((limited.body as { error: { code: string } }).error.code).toBe('rate_limited');
  });
});
