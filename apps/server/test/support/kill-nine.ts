// Kill -9 durability: raw clients asking for saved acks burst edits at the built server, which is
// SIGKILLed mid-burst and restarted on the same database; every acknowledged edit must be back.
// Shared by test/kill-nine.test.ts and scripts/kill-nine-soak.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DrizzleUpdateStore } from '@uccn/collab/drizzle';
import { type DatabaseDriver, openDatabase, schema } from '@uccn/db';
import { createTestDatabase, type TestDatabase } from '@uccn/db/testing';
import { eq } from 'drizzle-orm';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { AckedWriter } from './acked-writer';
import { openProvider, waitFor, whenSynced } from './collab-clients';
import {
  DurabilityViolation,
  EditLedger,
  type LoadedDocument,
  loadedFrom,
  sameDocument,
} from './edit-ledger';
import { TestClient } from './http-client';
import { type Random, seededRandom } from './random';
import { ServerProcess } from './server-process';
import { DEMO_PASSWORD } from './test-server';

const AUTH_SECRET = 'kill-nine-secret-kill-nine-secret-0123';

export interface KillNineOptions {
  driver: DatabaseDriver;
  seed: number;
  /** Raw clients editing at once. */
  writers?: number;
  /** The kill lands this many ms into the burst, drawn uniformly. */
  killWindowMs?: [number, number];
  /** COLLAB_COMPACT_AFTER_UPDATES: small, so that kills land around compactions. */
  compactAfterUpdates?: number;
  /** Start a new document after this many cycles (keeps long soaks fast). */
  cyclesPerDocument?: number;
}

export interface CycleReport {
  cycle: number;
  killAfterMs: number;
  /** Inserts sent, acknowledged as saved, and found after the restart, in this cycle. */
  sent: number;
  acked: number;
  survived: number;
  /** Kill to ready, and ready to verified. */
  restartMs: number;
  verifyMs: number;
  textLength: number;
  /** Postgres only: whether a compaction had committed a newer snapshot when the kill landed. */
  compacted: boolean | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class KillNineRun {
  server: ServerProcess | null = null;
  readonly seed: number;
  private readonly random: Random;
  private readonly writers: number;
  private readonly killWindow: [number, number];
  private readonly cyclesPerDocument: number;
  private cookies: string[] = [];
  private documentId = '';
  private cycles = 0;
  private disposed = false;
  private snapshotUpTo = 0;
  private cyclesOnDocument = 0;
  private ledger = new EditLedger();

  private constructor(
    options: KillNineOptions,
    private readonly env: Record<string, string>,
    private readonly dataDir: string,
    private readonly database: TestDatabase | null,
  ) {
    this.seed = options.seed;
    this.random = seededRandom(options.seed);
    this.writers = options.writers ?? 4;
    this.killWindow = options.killWindowMs ?? [5, 150];
    this.cyclesPerDocument = options.cyclesPerDocument ?? Number.POSITIVE_INFINITY;
  }

  /** Prepares the database, starts the server, signs in, creates the first document. */
  static async start(options: KillNineOptions): Promise<KillNineRun> {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'uccn-kill9-'));
    const database = options.driver === 'postgres' ? await createTestDatabase('postgres') : null;
    const env: Record<string, string> = {
      DATA_DIR: dataDir,
      DEMO: 'true',
      DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
      SIGN_IN_RATE_LIMIT: '1000',
      COLLAB_COMPACT_AFTER_UPDATES: String(options.compactAfterUpdates ?? 20),
      ...(database ? { DATABASE_URL: database.url ?? '', AUTH_SECRET } : {}),
    };
    const run = new KillNineRun(options, env, dataDir, database);
    try {
      run.server = await ServerProcess.start(env);
      for (const city of ['bologna', 'kanazawa']) {
        const client = new TestClient(run.server.url);
        // A production build (no NODE_ENV=test) wants the Origin header a browser sends.
        const signedIn = await client.request('POST', '/api/auth/sign-in/email', {
          json: { email: `${city}@uccn.test`, password: DEMO_PASSWORD },
          headers: { origin: run.server.url },
        });
        if (signedIn.status !== 200) throw new Error(`sign-in as ${city}: ${signedIn.status}`);
        run.cookies.push(client.cookieHeader);
      }
      await run.newDocument();
    } catch (error) {
      await run.dispose();
      throw error;
    }
    return run;
  }

  private get url() {
    if (!this.server?.isRunning) throw new Error('the server is not running');
    return this.server.url;
  }

  private async newDocument() {
    const owner = new TestClient(this.url);
    const created = await owner.request<{ document: { id: string } }>('POST', '/api/documents', {
      json: { title: 'Kill -9', cities: [{ slug: 'kanazawa', access: 'write' }] },
      headers: { cookie: this.cookies[0] ?? '', origin: this.url },
    });
    if (created.status !== 201) throw new Error(`creating a document: ${created.status}`);
    this.documentId = created.body.document.id;
    this.cyclesOnDocument = 0;
    this.ledger = new EditLedger();
    this.snapshotUpTo = 0;
  }

  /** One cycle: connect writers, burst, SIGKILL at a random moment, restart, verify. */
  async cycle(): Promise<CycleReport> {
    if (this.cyclesOnDocument >= this.cyclesPerDocument) await this.newDocument();
    const cycle = ++this.cycles;
    this.cyclesOnDocument += 1;
    const server = this.server;
    if (!server?.isRunning) throw new Error('the server is not running');
    const writers = await this.connectWriters(cycle, server.url);

    let bursting = true;
    const bursts = writers.map(async (writer) => {
      while (bursting && writer.client.socket.readyState === WebSocket.OPEN) {
        writer.insert();
        await sleep(this.random.int(1, 4));
      }
    });
    const killAfterMs = this.random.int(...this.killWindow);
    await sleep(killAfterMs);
    if (!server.isRunning) {
      throw new Error(`the server died on its own during the burst:\n${server.tail()}`);
    }
    const killedAt = performance.now();
    const exit = server.kill('SIGKILL');
    bursting = false;
    await Promise.all([exit, ...bursts]);
    await waitFor(() => writers.every((w) => w.client.closed !== null), 10_000, 'sockets to close');
    if (server.errors.length > 0) {
      throw new DurabilityViolation(`the server logged errors:\n${server.errors.join('\n')}`);
    }

    const compacted = await this.snapshotAdvanced();
    this.server = await ServerProcess.start(this.env);
    if (this.disposed) {
      // The run was disposed (a timeout) while this cycle restarted the server.
      await this.server.kill();
      throw new Error('the run was disposed');
    }
    const restartMs = Math.round(performance.now() - killedAt);
    const verifyStarted = performance.now();
    const loaded = await this.load();
    const survived = this.ledger.check(
      writers,
      loaded,
      `cycle ${cycle} (seed ${this.seed}, document ${this.documentId})`,
    );
    return {
      cycle,
      killAfterMs,
      sent: writers.reduce((sum, writer) => sum + writer.sent.length, 0),
      acked: writers.reduce((sum, writer) => sum + writer.acked().length, 0),
      survived,
      restartMs,
      verifyMs: Math.round(performance.now() - verifyStarted),
      textLength: loaded.text.length,
      compacted,
    };
  }

  /** On Postgres, whether the snapshot moved on since the last look (a compaction committed). */
  private async snapshotAdvanced(): Promise<boolean | null> {
    if (!this.database) return null;
    const { documentSnapshots } = schema;
    const [row] = await this.database.db
      .select({ upTo: documentSnapshots.upToUpdateId })
      .from(documentSnapshots)
      .where(eq(documentSnapshots.documentId, this.documentId));
    const advanced = (row?.upTo ?? 0) > this.snapshotUpTo;
    this.snapshotUpTo = row?.upTo ?? 0;
    return advanced;
  }

  /** Writers ready to burst: each has been greeted, so the room has loaded and queues nothing. */
  private connectWriters(cycle: number, url: string) {
    return Promise.all(
      Array.from({ length: this.writers }, (_, index) =>
        AckedWriter.open(
          url,
          this.documentId,
          this.cookies[index % this.cookies.length] ?? '',
          `c${cycle}.w${index}`,
        ),
      ),
    );
  }

  /** The document as a fresh stock client receives it from the restarted server. */
  private async load(): Promise<LoadedDocument> {
    const reader = openProvider(this.url, this.documentId, { cookie: this.cookies[1] ?? '' });
    try {
      await whenSynced(reader.provider, 30_000);
      return loadedFrom(reader.doc);
    } finally {
      reader.provider.destroy();
      reader.doc.destroy();
    }
  }

  /**
   * Stops the server and reads the document straight from the database: it must equal what the
   * last restart served. Reports whether compaction had left a snapshot.
   */
  async verifyStore(): Promise<{ snapshot: boolean; logRows: number }> {
    await this.server?.kill();
    this.server = null;
    const handle =
      this.database ??
      (await openDatabase({ driver: 'pglite', dataDir: path.join(this.dataDir, 'pglite') }));
    try {
      const stored = await new DrizzleUpdateStore(handle.db).load(this.documentId);
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      const last = this.ledger.last;
      if (last && !sameDocument(loadedFrom(doc), last)) {
        throw new DurabilityViolation(
          `document ${this.documentId}: the stored document differs from what the server served`,
        );
      }
      return { snapshot: stored.snapshot !== null, logRows: stored.logCount };
    } finally {
      if (handle !== this.database) await handle.close();
    }
  }

  /** Kills the server if it still runs and removes the database and data folder. */
  async dispose() {
    this.disposed = true;
    try {
      await this.server?.kill();
      this.server = null;
      await this.database?.destroy();
    } finally {
      rmSync(this.dataDir, { recursive: true, force: true });
    }
  }
}
