// Spawning server child processes: free ports, readiness polling, log tails, and making sure
// every child we started dies with us (exit, error, Ctrl-C) or on the next run if we were killed.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PID_FILE = path.join(tmpdir(), 'uccn-bench-children.json');
const live = new Map<number, ChildProcess>();

interface PidRecord {
  pid: number;
  startTime: string;
}

/** Field 22 of /proc/<pid>/stat: tells a pid we started from a later process reusing it. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function writePidFile() {
  const records: PidRecord[] = [];
  for (const pid of live.keys()) {
    const startTime = startTimeOf(pid);
    if (startTime) records.push({ pid, startTime });
  }
  writeFileSync(PID_FILE, JSON.stringify(records));
}

/** Kills children a previous run left behind when it was itself killed (same pid and start time). */
export function reapStaleChildren() {
  let records: PidRecord[] = [];
  try {
    records = JSON.parse(readFileSync(PID_FILE, 'utf8')) as PidRecord[];
  } catch {
    return; // No file: the last run cleaned up after itself.
  }
  for (const { pid, startTime } of records) {
    if (startTimeOf(pid) === startTime) {
      console.warn(`killing server ${pid} left over from an earlier run`);
      process.kill(pid, 'SIGKILL');
    }
  }
  writeFileSync(PID_FILE, '[]');
}

/** Synchronous, for process 'exit': SIGKILL every child still running. */
export function killAllChildren() {
  for (const [pid, child] of live) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    live.delete(pid);
  }
  writePidFile();
}

/** A port nobody listens on right now (127.0.0.1). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true; throws after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(200);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** True when GET `url` answers 200 within a second. */
export async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false; // Not listening yet.
  }
}

export interface ChildServer {
  pid: number;
  logTail(): string;
  /** Throws with the log tail if the process has exited. */
  assertAlive(): void;
  stop(): Promise<void>;
}

/** Starts `args` under this Node, keeps the last lines of its output, and tracks it for cleanup. */
export function spawnChild(
  name: string,
  args: string[],
  options: { cwd: string; env: Record<string, string | undefined> },
): ChildServer {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: options.env,
    // stdin stays open: our own entries exit when it closes, i.e. when this process dies.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start ${name}`);
  const pid = child.pid;
  live.set(pid, child);
  writePidFile();

  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => {
    live.delete(pid);
    writePidFile();
  });

  const logTail = () => lines.join('\n');
  return {
    pid,
    logTail,
    assertAlive() {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `${name} exited (${child.exitCode ?? child.signalCode}):\n${logTail() || '(no output)'}`,
        );
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    },
  };
}
