// /healthz (the process is up) and /readyz (its database, and Redis when configured, answer).
import { Hono } from 'hono';
import type { AppEnv, ReadinessCheck } from '../../http/context';

const READINESS_TIMEOUT_MS = 2000;

function withTimeout(check: ReadinessCheck) {
  return Promise.race([
    check(),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('timed out')), READINESS_TIMEOUT_MS).unref(),
    ),
  ]);
}

export function healthRoutes(checks: Record<string, ReadinessCheck>, nodeId: string) {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok', node: nodeId }));
  app.get('/readyz', async (c) => {
    const entries = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await withTimeout(check);
          return [name, { ok: true }] as const;
        } catch (error) {
          return [
            name,
            { ok: false, error: error instanceof Error ? error.message : String(error) },
          ] as const;
        }
      }),
    );
    const results = Object.fromEntries(entries);
    const ready = entries.every(([, result]) => result.ok);
    return c.json(
      { status: ready ? 'ready' : 'unavailable', node: nodeId, checks: results },
      ready ? 200 : 503,
    );
  });
  return app;
}
