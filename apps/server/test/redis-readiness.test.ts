// With REDIS_URL, readiness covers Redis too.
import { isPostgresReachable } from '@uccn/db/testing';
import { isRedisReachable, TEST_REDIS_URL } from '@uccn/realtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './support/http-client';
import { startTestServer, type TestServer } from './support/test-server';

const services = (await isRedisReachable()) && (await isPostgresReachable());

describe.runIf(services)('readiness with Postgres and Redis', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('postgres', { REDIS_URL: TEST_REDIS_URL });
  });
  afterAll(() => server?.stop());

  it('reports both the database and Redis as ready', async () => {
    const ready = await new TestClient(server.url).get<{ checks: Record<string, { ok: boolean }> }>(
      '/readyz',
    );
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ database: { ok: true }, redis: { ok: true } });
  });
});
