// Several real server nodes in this process, on different ports, sharing one throwaway Postgres
// database and one Redis (the test Redis, or one a test started itself), like a scaled deployment.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '@uccn/db';
import { createTestDatabase, type TestDatabase } from '@uccn/db/testing';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startUccnServer, type UccnServer } from '../../src/start';

export interface Cluster {
  nodes: UccnServer[];
  database: TestDatabase;
  /** Starts one more node (or restarts a stopped one's slot) with the cluster's settings. */
  startNode(name: string, env?: Record<string, string>): Promise<UccnServer>;
  stop(): Promise<void>;
}

export async function startCluster(
  size: number,
  options: { redisUrl: string; env?: Record<string, string> },
): Promise<Cluster> {
  const database = await createTestDatabase('postgres');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'uccn-cluster-'));
  // A prefix of its own, so that parallel test files on one Redis never hear each other.
  const secret = `cluster-${randomBytes(16).toString('hex')}`;
  const nodes: UccnServer[] = [];
  const startNode = async (name: string, env: Record<string, string> = {}) => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: database.url ?? '',
      REDIS_URL: options.redisUrl,
      AUTH_SECRET: secret,
      DEMO: 'true',
      DEMO_NETWORK: 'false',
      NODE_ID: name,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      LOG_FORMAT: 'json',
      SIGN_IN_RATE_LIMIT: '1000',
      REDIS_PREFIX: `test:${secret}:`,
      ...options.env,
      ...env,
    });
    const handle = await openDatabase({ driver: 'postgres', url: database.url ?? '', poolSize: 5 });
    const node = await startUccnServer(config, createLogger(config.log), { database: handle });
    nodes.push(node);
    return node;
  };
  for (let index = 0; index < size; index += 1)
    await startNode(`node-${String.fromCharCode(97 + index)}`);
  return {
    nodes,
    database,
    startNode,
    stop: async () => {
      await Promise.allSettled(nodes.map((node) => node.close()));
      await database.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
