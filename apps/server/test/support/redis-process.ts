// A throwaway redis-server of a test's own, on a free port, that the test may kill and start again
// on the same port (an outage), without touching the shared Redis. Killed with the test process.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import { freePort, killOnExit } from './server-process';

/** Whether `redis-server` can be started here; throws in CI, where it must be. */
export function isRedisServerInstalled(): boolean {
  const probe = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    if (process.env.CI) throw new Error('CI needs the redis-server binary on PATH');
    console.warn('\n[tests] redis-server is not installed: the Redis outage tests were NOT run.\n');
    return false;
  }
  return true;
}

/** Resolves once the server answers PING, or rejects after `timeoutMs`. */
async function waitForPong(port: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answered = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.setTimeout(500, () => socket.destroy());
      socket.once('error', () => resolve(false));
      socket.once('close', () => resolve(false));
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        resolve(data.toString().startsWith('+PONG'));
        socket.destroy();
      });
    });
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server on port ${port} did not answer within ${timeoutMs} ms`);
}

export class RedisProcess {
  private child: ChildProcess | null = null;

  private constructor(readonly port: number) {}

  /**
   * Starts `redis-server` on a free port, without persistence.
   * @example const redis = await RedisProcess.start(); await redis.stop(); await redis.restart();
   */
  static async start(): Promise<RedisProcess> {
    const redis = new RedisProcess(await freePort());
    await redis.restart();
    return redis;
  }

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  get isRunning() {
    return this.child !== null;
  }

  /** Starts the server again on the same port (empty: nothing was persisted). */
  async restart() {
    if (this.child) return;
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    killOnExit(child);
    this.child = child;
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`redis-server exited (${code}) at start`))),
    );
    exited.catch(() => {});
    await Promise.race([waitForPong(this.port, 10_000), exited]);
  }

  /** SIGKILLs the server (an outage, not a shutdown) and resolves once it is gone. */
  async stop() {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }
}
