// The built server (dist/main.js) as a child process on a free port, for tests that must kill it
// the hard way. Every child still running when the test process exits is SIGKILLed with it.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';

export const SERVER_BUNDLE = path.resolve(import.meta.dirname, '../../dist/main.js');
const OUTPUT_LINES = 200;

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Kills the child with the test process if it is still running then (shared by test children). */
export function killOnExit(child: ChildProcess) {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const orphan of running) orphan.kill('SIGKILL');
  });
}

/** A port nothing listens on right now (bind to 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class ServerProcess {
  /** The last lines the server printed, for failure messages. */
  readonly output: string[] = [];
  /** Log lines at level error or above (and anything unparseable on stderr). */
  readonly errors: string[] = [];
  readonly exited: Promise<Exit>;
  private exit: Exit | null = null;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
    const record = (line: string, fromStderr: boolean) => {
      this.output.push(line);
      if (this.output.length > OUTPUT_LINES) this.output.shift();
      let level = fromStderr ? 50 : 0;
      try {
        const parsed: unknown = JSON.parse(line);
        if (parsed && typeof parsed === 'object' && 'level' in parsed) level = Number(parsed.level);
      } catch {
        // Not a pino line: judged by the stream it came on.
      }
      if (level >= 50 && this.errors.length < OUTPUT_LINES) this.errors.push(line);
    };
    if (child.stdout) createInterface({ input: child.stdout }).on('line', (l) => record(l, false));
    if (child.stderr) createInterface({ input: child.stderr }).on('line', (l) => record(l, true));
  }

  /**
   * Starts `node dist/main.js` with only the given environment (plus PATH, HOME, PORT, HOST) and
   * resolves once /readyz answers 200.
   * @example const server = await ServerProcess.start({ DATA_DIR: dir, DEMO: 'true' });
   */
  static async start(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
    if (!existsSync(SERVER_BUNDLE)) {
      throw new Error(
        `${SERVER_BUNDLE} is missing: build it first (cd apps/server && node build.mjs)`,
      );
    }
    const port = await freePort();
    const child = spawn(process.execPath, [SERVER_BUNDLE], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        HOST: '127.0.0.1',
        LOG_FORMAT: 'json',
        ...env,
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: false,
    });
    killOnExit(child);
    const server = new ServerProcess(child, `http://127.0.0.1:${port}`);
    try {
      await server.waitReady(timeoutMs);
    } catch (error) {
      await server.kill();
      throw error;
    }
    return server;
  }

  get pid() {
    return this.child.pid;
  }

  get isRunning() {
    return this.exit === null;
  }

  /** The last lines of output, for an error message. */
  tail(lines = 30) {
    return this.output.slice(-lines).join('\n');
  }

  private async waitReady(timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exit) {
        throw new Error(
          `the server exited (${this.exit.code ?? this.exit.signal}) before it was ready:\n${this.tail()}`,
        );
      }
      try {
        const response = await fetch(`${this.url}/readyz`, { signal: AbortSignal.timeout(2000) });
        await response.body?.cancel();
        if (response.status === 200) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the server was not ready within ${timeoutMs} ms:\n${this.tail()}`);
  }

  /** Sends `signal` (SIGKILL by default) and resolves once the process is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<Exit> {
    if (this.exit) return this.exit;
    this.child.kill(signal);
    return this.exited;
  }
}
