// Starts a peer server (Hocuspocus or y-websocket-server) from its entry script on a free port.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dialect } from '../protocol/types';
import type { RunningServer, ServerName } from '../types';
import { answers, freePort, spawnChild, waitFor } from './child';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Starts `entry` (a file next to this one) and resolves once it answers HTTP on `/`. */
export async function startPeer(
  name: ServerName,
  entry: string,
  dialect: Dialect,
): Promise<RunningServer> {
  const port = await freePort();
  // For profiling a peer, e.g. BENCH_PEER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_PEER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawnChild(name, [...nodeArgs, path.join(here, entry)], {
    cwd: path.resolve(here, '../..'),
    env: { PATH: process.env.PATH, PORT: String(port) },
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(
    `${name} on ${base}`,
    async () => {
      child.assertAlive();
      return answers(base);
    },
    20_000,
  );
  return {
    name,
    pid: child.pid,
    pids: [child.pid],
    nodes: 1,
    port,
    dialect,
    // Peers create a document on first connection; the room is only a name.
    createDocuments: async (count, label) =>
      Array.from({ length: count }, (_, i) => `${label}-${i}`),
    socketTarget: (room) => ({ url: `ws://127.0.0.1:${port}/${room}`, headers: {} }),
    supportsSavedAcks: false,
    logTail: child.logTail,
    stop: child.stop,
  };
}
