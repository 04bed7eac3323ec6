// /healthz (the process is up) and /readyz (its database answers; Redis, when configured, is
// reported too, but a node without Redis keeps serving what it holds, so it stays ready).
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

/** Checks whose failure makes the node degraded, not unready: it can still serve. */
const DEGRADING_ONLY = new Set(['redis']);

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
    const failed = entries.filter(([, result]) => !result.ok).map(([name]) => name);
    const ready = failed.every((name) => DEGRADING_ONLY.has(name));
    const status = !ready ? 'unavailable' : failed.length > 0 ? 'degraded' : 'ready';
    return c.json({ status, node: nodeId, checks: results }, ready ? 200 : 503);
  });
  return app;
}
