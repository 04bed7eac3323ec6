// Test support: whether the real Redis for tests answers (it must, in CI).
import { createClient } from 'redis';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let reachable: Promise<boolean> | undefined;

export function isRedisReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = createClient({
      url: TEST_REDIS_URL,
      socket: { connectTimeout: 2000, reconnectStrategy: false },
    });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.ping();
      await client.quit();
      return true;
    } catch (error) {
      if (process.env.CI) throw new Error(`CI needs Redis at ${TEST_REDIS_URL}: ${String(error)}`);
      console.warn(
        `\n[tests] Redis is not reachable at ${TEST_REDIS_URL}: the Redis variants of the tests were NOT run.\n`,
      );
      return false;
    }
  })();
  return reachable;
}
