// With REDIS_URL, readiness reports Redis too; without Redis a node still serves what it holds,
// so it stays ready (degraded) instead of leaving the load balancer's rotation.
import { isPostgresReachable } from '@uccn/db/testing';
import { isRedisReachable } from '@uccn/realtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './support/http-client';
import { isRedisServerInstalled, RedisProcess } from './support/redis-process';
import { startTestServer, type TestServer } from './support/test-server';

const services =
  (await isRedisReachable()) && (await isPostgresReachable()) && isRedisServerInstalled();

describe.runIf(services)('readiness with Postgres and Redis', () => {
  let server: TestServer;
  let redis: RedisProcess;
  beforeAll(async () => {
    redis = await RedisProcess.start();
    server = await startTestServer('postgres', { REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await server?.stop();
    await redis?.stop();
  });

  type Readiness = { status: string; checks: Record<string, { ok: boolean }> };

  it('reports both the database and Redis as ready', async () => {
    const ready = await new TestClient(server.url).get<Readiness>('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready' });
    expect(ready.body.checks).toEqual({ database: { ok: true }, redis: { ok: true } });
  });

  it('stays ready, degraded, while Redis is down', async () => {
    await redis.stop();
    const degraded = await new TestClient(server.url).get<Readiness>('/readyz');
    expect(degraded.status).toBe(200);
    expect(degraded.body.status).toBe('degraded');
    expect(degraded.body.checks.redis?.ok).toBe(false);
    expect(degraded.body.checks.database?.ok).toBe(true);
  });
});
