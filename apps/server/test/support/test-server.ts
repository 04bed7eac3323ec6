// Starts a real UCCN Collab server on port 0 for integration tests, on a fresh database of the
// given driver (in-memory PGlite, or a throwaway Postgres database), with the demo accounts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DatabaseDriver } from '@uccn/db';
import { createTestDatabase } from '@uccn/db/testing';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startUccnServer, type UccnServer } from '../../src/start';

export const DEMO_PASSWORD = 'creative-cities';

export interface TestServer extends UccnServer {
  stop(): Promise<void>;
}

export async function startTestServer(
  driver: DatabaseDriver,
  env: Record<string, string> = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'uccn-test-'));
  const database = await createTestDatabase(driver);
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO: 'true',
    // Tests count what they create; the sample network has its own test (demo-network.test.ts).
    DEMO_NETWORK: 'false',
    DEMO_PASSWORD,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    LOG_FORMAT: 'json',
    AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const server = await startUccnServer(config, createLogger(config.log), { database });
  return {
    ...server,
    stop: async () => {
      await server.close();
      await database.destroy().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
