// Launcher for the UCCN Collab server (apps/server/dist/main.js): builds it when stale, gives it
// a fresh database, signs in as a demo user and creates documents through its HTTP API.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { yWebsocketDialect } from '../protocol/y-websocket';
import type { LaunchOptions, RunningServer, ServerLauncher } from '../types';
import { answers, type ChildServer, freePort, sleep, spawnChild, waitFor } from './child';
import { createScratchDatabase, type ScratchDatabase } from './postgres';

const run = promisify(execFile);
const DEMO_EMAIL = 'bologna@uccn.test';
const DEMO_PASSWORD = 'creative-cities';
const BENCH_AUTH_SECRET = 'uccn-bench-secret-not-for-production-0123456789';
/** Redis the nodes of ours share when there are several (a per-run prefix keeps runs apart). */
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Thrown when the server runs but does not offer what the benchmark needs yet. */
export class OursNotReadyError extends Error {
  override name = 'OursNotReadyError';
}

function newestSourceMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(full));
    else if (/\.(ts|mjs|js|json|sql)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

let builtThisRun = false;

/**
 * Builds apps/server when dist/main.js is missing or older than the server's or packages'
 * sources. Once per run: every scenario then measures the same build, even while people edit.
 */
export async function ensureBuilt(repoRoot: string) {
  if (builtThisRun) return;
  builtThisRun = true;
  const main = path.join(repoRoot, 'apps/server/dist/main.js');
  const sources = [
    path.join(repoRoot, 'apps/server/src'),
    ...readdirSync(path.join(repoRoot, 'packages')).map((name) =>
      path.join(repoRoot, 'packages', name, 'src'),
    ),
  ];
  const newest = Math.max(...sources.map(newestSourceMtime));
  if (existsSync(main) && statSync(main).mtimeMs >= newest) return;
  console.log('building apps/server (dist is missing or older than its sources)…');
  await run(
    'flock',
    ['/tmp/pnpm.lock', 'npx', '-y', 'pnpm@12.4.2', '--filter', '@uccn/server', 'run', 'build'],
    { cwd: repoRoot, timeout: 300_000 },
  );
}

function cookieHeader(response: Response): string {
  return (
    response.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0] ?? '')
      // Secure cookies carry a __Secure- or __Host- prefix before our name.
      .filter((pair) => /^(__Secure-|__Host-)?uccn/.test(pair))
      .join('; ')
  );
}

/** Environment of one node; every node of a run shares the database, secret and Redis prefix. */
function nodeEnv(port: number, dataDir: string, shared: Record<string, string>, node: number) {
  return {
    PATH: process.env.PATH,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    // Only the first node seeds demo accounts; the others would race it on the same database.
    DEMO: node === 0 ? 'true' : 'false',
    NODE_ID: `bench-${node + 1}`,
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    COLLAB_MAX_CONNECTIONS_PER_USER: '100000',
    COLLAB_AWARENESS_RATE: '1000',
    SIGN_IN_RATE_LIMIT: '1000',
    ...shared,
  };
}

async function start(options: LaunchOptions): Promise<RunningServer> {
  await ensureBuilt(options.repoRoot);
  const nodes = Math.max(1, options.nodes);
  if (nodes > 1 && options.database !== 'postgres') {
    throw new OursNotReadyError(`${nodes} nodes need Postgres (--db postgres); PGlite is one node`);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'uccn-bench-data-'));
  let database: ScratchDatabase | undefined;
  if (options.database === 'postgres') database = await createScratchDatabase();
  const shared: Record<string, string> = database
    ? { DATABASE_URL: database.url, AUTH_SECRET: BENCH_AUTH_SECRET }
    : {};
  if (nodes > 1) {
    shared.REDIS_URL = REDIS_URL;
    shared.REDIS_PREFIX = `bench:${randomBytes(4).toString('hex')}:`;
  }
  // For profiling ours, e.g. BENCH_OURS_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_OURS_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const children: ChildServer[] = [];
  const ports: number[] = [];
  const stop = async () => {
    await Promise.all(children.map((child) => child.stop()));
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    // One after the other: the first node migrates the database and seeds the demo user.
    for (let node = 0; node < nodes; node++) {
      const port = await freePort();
      const child = spawnChild(
        nodes > 1 ? `ours-${node + 1}` : 'ours',
        [...nodeArgs, 'apps/server/dist/main.js'],
        { cwd: options.repoRoot, env: nodeEnv(port, dataDir, shared, node) },
      );
      children.push(child);
      ports.push(port);
      const base = `http://127.0.0.1:${port}`;
      await waitFor(
        `ours on ${base}/healthz`,
        async () => {
          child.assertAlive();
          return answers(`${base}/healthz`);
        },
        120_000,
      );
    }
    const base = `http://127.0.0.1:${ports[0]}`;
    const cookie = await signIn(base);
    const first = children[0] as ChildServer;
    return {
      name: 'ours',
      pid: first.pid,
      pids: children.map((child) => child.pid),
      nodes,
      port: ports[0] ?? 0,
      dialect: yWebsocketDialect,
      database: { kind: options.database, ...(database ? { name: database.name } : {}) },
      createDocuments: (count, label) => createDocuments(base, cookie, count, label),
      socketTarget: (room, acks, slot = 0) => ({
        url: `ws://127.0.0.1:${ports[slot % nodes]}/collab/${room}${acks ? '?acks=1' : ''}`,
        headers: { Cookie: cookie },
      }),
      supportsSavedAcks: true,
      logTail: () =>
        children
          .map((child, i) => `${nodes > 1 ? `[node ${i + 1}]\n` : ''}${child.logTail()}`)
          .join('\n'),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Signs in as the demo user; retries while demo accounts are still being seeded. */
async function signIn(base: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  let last = '';
  while (Date.now() < deadline) {
    const response = await fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: DEMO_EMAIL, password: DEMO_PASSWORD }),
    });
    const cookie = cookieHeader(response);
    last = `${response.status}, cookies [${response.headers
      .getSetCookie()
      .map((c) => c.split('=')[0])
      .join(', ')}]: ${(await response.text()).slice(0, 200)}`;
    if (response.ok && cookie) return cookie;
    await sleep(500);
  }
  throw new OursNotReadyError(`sign-in as ${DEMO_EMAIL} failed: ${last.slice(0, 300)}`);
}

async function createDocument(base: string, cookie: string, title: string): Promise<string> {
  const response = await fetch(`${base}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: base },
    body: JSON.stringify({ title, cities: [] }),
  });
  const text = await response.text();
  if (response.status !== 201) {
    throw new OursNotReadyError(
      `POST /api/documents answered ${response.status}: ${text.slice(0, 300)}`,
    );
  }
  const id = (JSON.parse(text) as { document?: { id?: unknown } }).document?.id;
  if (typeof id !== 'string')
    throw new OursNotReadyError(`POST /api/documents returned no id: ${text.slice(0, 300)}`);
  return id;
}

/** Creates documents 8 at a time (the API is not what is measured). */
async function createDocuments(base: string, cookie: string, count: number, label: string) {
  const ids: string[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      ids[i] = await createDocument(base, cookie, `${label} ${i + 1}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, count) }, worker));
  return ids;
}

export const ours: ServerLauncher = { name: 'ours', start };
