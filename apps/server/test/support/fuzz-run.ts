// A fuzzing run against a real server in this process: a read-only target, a writable target and
// a bystander document, hostile frames over parallel connections, then the invariants. Shared by
// collab-fuzz.test.ts and scripts/fuzz-collab.ts.
import { writeFileSync } from 'node:fs';
import { DrizzleUpdateStore } from '@uccn/collab/drizzle';
import { type DatabaseDriver, schema } from '@uccn/db';
import { count, eq, max } from 'drizzle-orm';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openProvider, waitFor, whenSynced } from './collab-clients';
import { describeDoc, diffDescriptions } from './doc-description';
import {
  emptyStats,
  type FrameStream,
  type FuzzStats,
  sendStreams,
  type Target,
} from './fuzz-connections';
import { FrameSource, type FuzzFrame, hex } from './fuzz-frames';
import { TestClient } from './http-client';
import { type Random, seededRandom } from './random';
import { loadStoredDocument } from './stored-document';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './test-server';

const MAX_FRAME_BYTES = 64 * 1024;

type Opened = { doc: Y.Doc; provider: WebsocketProvider };

interface Baseline {
  stateVector: Uint8Array;
  state: Uint8Array;
  description: string;
  log: { rows: number; lastId: number | null };
}

export class CollabFuzzRun {
  readonly maxFrameBytes = MAX_FRAME_BYTES;
  /** What went wrong while sending (frames kept open that must close, odd close codes…). */
  readonly violations: string[] = [];
  private readonly providers: Opened[] = [];
  private readonly clients = new Map<string, TestClient>();
  private readonly documents = { read: '', write: '', bystander: '' };
  private readonly tokens = { read: '', write: '' };
  private readonly observers = new Map<'read' | 'write' | 'bystander', Opened>();
  private readBaseline: Baseline | null = null;
  private bystanderBaseline = '';

  private constructor(
    readonly server: TestServer,
    readonly seed: number,
  ) {}

  /** Starts a server whose limits let every frame reach the decoders, and the documents. */
  static async start(seed: number, driver: DatabaseDriver = 'pglite') {
    const server = await startTestServer(driver, {
      SIGN_IN_RATE_LIMIT: '1000',
      COLLAB_MAX_FRAME_BYTES: String(MAX_FRAME_BYTES),
      // Awareness frames must be decoded, not dropped by the rate limit first.
      COLLAB_AWARENESS_RATE: '1000000000',
      COLLAB_MAX_CONNECTIONS_PER_USER: '1000',
      // Fuzzing connections use a collab token (cheaper than a session); long runs keep it.
      COLLAB_TOKEN_TTL_SECONDS: String(7 * 24 * 3600),
    });
    const run = new CollabFuzzRun(server, seed);
    try {
      await run.prepare();
    } catch (error) {
      await run.stop();
      throw error;
    }
    return run;
  }

  private async prepare() {
    for (const city of ['bologna', 'kanazawa', 'dakar', 'montreal']) {
      const client = new TestClient(this.server.url);
      // With the Origin a browser sends: outside vitest, better-auth checks it.
      const signedIn = await client.request('POST', '/api/auth/sign-in/email', {
        json: { email: `${city}@uccn.test`, password: DEMO_PASSWORD },
        headers: { origin: this.server.url },
      });
      if (signedIn.status !== 200) throw new Error(`sign-in of ${city} failed`);
      this.clients.set(city, client);
    }
    // Dakar may only read the first; Kanazawa writes the second; Montreal edits the bystander.
    this.documents.read = await this.createDocument('Fuzz: read-only target', 'dakar', 'read');
    this.documents.write = await this.createDocument('Fuzz: writable target', 'kanazawa', 'write');
    this.documents.bystander = await this.createDocument('Fuzz: bystander', 'montreal', 'write');
    this.tokens.read = await this.token(this.documents.read, 'dakar');
    this.tokens.write = await this.token(this.documents.write, 'kanazawa');
    const random = seededRandom(this.seed);
    for (const which of ['read', 'write', 'bystander'] as const) {
      // The owner's stock clients stay connected throughout: they write the initial content,
      // keep the documents loaded, and must never see anything they should not.
      const opened = await this.provider(this.documents[which], 'bologna');
      this.observers.set(which, opened);
      writeContent(opened.doc, random);
      await waitFor(
        async () =>
          describeDoc(await this.docOf(this.documents[which])) === describeDoc(opened.doc),
        10_000,
        'the initial content to reach the server',
      );
    }
    await this.server.services.collab.updateLog.drained();
    this.readBaseline = await this.baseline(this.documents.read);
    this.bystanderBaseline = describeDoc(await this.docOf(this.documents.bystander));
  }

  private async createDocument(title: string, city: string, access: 'read' | 'write') {
    const created = await this.client('bologna').post<{ document: { id: string } }>(
      '/api/documents',
      { title, cities: [{ slug: city, access }] },
    );
    if (created.status !== 201) throw new Error(`creating "${title}" failed: ${created.status}`);
    return created.body.document.id;
  }

  private async token(documentId: string, city: string) {
    const issued = await this.client(city).post<{ token: string }>(
      `/api/documents/${documentId}/token`,
    );
    if (issued.status !== 200) throw new Error(`no collab token for ${city}: ${issued.status}`);
    return issued.body.token;
  }

  private client(city: string) {
    const client = this.clients.get(city);
    if (!client) throw new Error(`no client for ${city}`);
    return client;
  }

  private async provider(documentId: string, city: string): Promise<Opened> {
    const opened = openProvider(this.server.url, documentId, {
      cookie: this.client(city).cookieHeader,
    });
    this.providers.push(opened);
    await whenSynced(opened.provider, 10_000);
    return opened;
  }

  /** The document as the server gives it out (the encoded state, as versions and clients get). */
  private async docOf(documentId: string) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await this.server.services.collab.state(documentId));
    return doc;
  }

  private async baseline(documentId: string): Promise<Baseline> {
    const room = this.server.services.collab.registry.get(documentId);
    if (!room) throw new Error('the read-only target is not loaded');
    const { documentUpdates } = schema;
    const [log] = await this.server.services.db
      .select({ rows: count(), lastId: max(documentUpdates.id) })
      .from(documentUpdates)
      .where(eq(documentUpdates.documentId, documentId));
    return {
      stateVector: Y.encodeStateVector(room.doc),
      state: Y.encodeStateAsUpdate(room.doc),
      description: describeDoc(room.doc),
      log: { rows: log?.rows ?? 0, lastId: log?.lastId ?? null },
    };
  }

  /** The state a target's frames are made from. */
  targetState(target: Target) {
    return this.server.services.collab.state(this.documents[target]);
  }

  /** The collab URL of a target, with the token of the user fuzzing it. */
  private url(target: Target) {
    const token = encodeURIComponent(this.tokens[target]);
    return `${this.server.url.replace(/^http/, 'ws')}/collab/${this.documents[target]}?token=${token}`;
  }

  /** Sends the streams, checking /healthz every 2 s; violations land in `violations`. */
  async fuzz(streams: FrameStream[], onProgress?: (stats: FuzzStats) => void): Promise<FuzzStats> {
    const stats = emptyStats();
    const health = setInterval(() => {
      fetch(`${this.server.url}/healthz`).then(
        (response) => {
          if (response.status !== 200) this.violations.push(`/healthz answered ${response.status}`);
        },
        (error: unknown) => this.violations.push(`/healthz failed during fuzzing: ${error}`),
      );
      onProgress?.(stats);
    }, 2000);
    try {
      const options = { maxFrameBytes: MAX_FRAME_BYTES, stats, violations: this.violations };
      await sendStreams(streams, options);
    } finally {
      clearInterval(health);
    }
    return stats;
  }

  /**
   * `connections` seeded streams of random and mutated frames, half on each target, sharing a
   * budget of `frames`.
   */
  async randomStreams(connections: number, frames: number, seed = this.seed) {
    let left = frames;
    const streams: FrameStream[] = [];
    for (let index = 0; index < connections; index += 1) {
      const target: Target = index % 2 === 0 ? 'read' : 'write';
      const random: Random = seededRandom((seed + index * 0x9e3779b9) >>> 0);
      const source = new FrameSource(random, await this.targetState(target), {
        canWrite: target === 'write',
        maxFrameBytes: MAX_FRAME_BYTES,
      });
      streams.push({
        target,
        url: this.url(target),
        next: () => (left-- > 0 ? source.next() : null),
      });
    }
    return streams;
  }

  /** A fixed list of frames for one target, over `connections` connections, in order. */
  listStreams(target: Target, frames: FuzzFrame[], connections = 1): FrameStream[] {
    const queue = [...frames];
    return Array.from({ length: connections }, () => ({
      target,
      url: this.url(target),
      next: () => queue.shift() ?? null,
    }));
  }

  /** Every invariant, at the end of a run; returns what is violated (empty when all hold). */
  /**
   * Every invariant. With `strictWriteTarget: false` the writable target is only required to stay
   * loadable and syncable: forged updates (conflicting pending copies, forged origins) can still
   * place forged content differently in memory and in a reload — a known open bug, checked by the
   * long-run script and by the targeted tests of the classes already fixed.
   */
  async verify({ strictWriteTarget = true } = {}): Promise<string[]> {
    const problems = [...this.violations];
    const health = await fetch(`${this.server.url}/healthz`);
    if (health.status !== 200) problems.push(`/healthz answered ${health.status}`);
    if (({} as Record<string, unknown>).polluted !== undefined) {
      problems.push('Object.prototype was polluted');
    }
    problems.push(...(await this.verifyReadTarget()));
    problems.push(...(await this.verifyBystander()));
    problems.push(
      ...(await (strictWriteTarget ? this.verifyWriteTarget() : this.verifyWriteTargetUsable())),
    );
    return problems;
  }

  /** The writable target unloads, loads again, and a new stock client syncs it. */
  async verifyWriteTargetUsable(): Promise<string[]> {
    const collab = this.server.services.collab;
    const id = this.documents.write;
    const room = collab.registry.get(id);
    if (!room) return ['writable target: not loaded any more'];
    const observer = this.observers.get('write');
    observer?.provider.destroy();
    await waitFor(() => room.connections.size === 0, 20_000, 'fuzzing connections to close');
    await collab.registry.unload(room);
    const fresh = await this.provider(id, 'bologna').catch(() => null);
    return fresh ? [] : ['writable target: a stock client cannot sync it any more'];
  }

  /** The read-only target is byte for byte what it was, and nothing was added to its log. */
  async verifyReadTarget(): Promise<string[]> {
    const before = this.readBaseline;
    if (!before) return ['no baseline of the read-only target'];
    await this.server.services.collab.updateLog.drained();
    const after = await this.baseline(this.documents.read);
    const problems: string[] = [];
    if (hex(after.stateVector) !== hex(before.stateVector)) {
      problems.push('read-only target: its state vector changed');
    }
    if (hex(after.state) !== hex(before.state))
      problems.push('read-only target: its state changed');
    if (after.description !== before.description) {
      const diff = diffDescriptions(before.description, after.description);
      problems.push(`read-only target: its content changed: ${diff}`);
    }
    if (after.log.rows !== before.log.rows || after.log.lastId !== before.log.lastId) {
      const change = JSON.stringify({ before: before.log, after: after.log });
      problems.push(`read-only target: its update log changed ${change}`);
    }
    const observer = this.observers.get('read');
    if (observer && describeDoc(observer.doc) !== before.description) {
      problems.push('read-only target: a connected stock client saw a change');
    }
    return problems;
  }

  /** The bystander is unchanged, and its stock client still connected and live. */
  async verifyBystander(): Promise<string[]> {
    const watcher = this.observers.get('bystander');
    if (!watcher) return ['no bystander client'];
    const problems: string[] = [];
    const served = describeDoc(await this.docOf(this.documents.bystander));
    if (served !== this.bystanderBaseline) problems.push('bystander: the document changed');
    if (describeDoc(watcher.doc) !== this.bystanderBaseline) {
      problems.push('bystander: its stock client saw a change');
    }
    // Not "connected at this instant": alone on its document, a stock client hears nothing from
    // the server and reconnects every 30 s (y-websocket's messageReconnectTimeout).
    await waitFor(() => watcher.provider.wsconnected && watcher.provider.synced, 10_000).catch(() =>
      problems.push('bystander: its stock client is not connected'),
    );
    const editor = await this.provider(this.documents.bystander, 'montreal');
    editor.doc.getText('after').insert(0, 'written after the fuzzing');
    await waitFor(
      () => watcher.doc.getText('after').toString() === 'written after the fuzzing',
      10_000,
      'the edit to reach the bystander client',
    ).catch(() => problems.push('bystander: an edit made after the fuzzing did not arrive'));
    return problems;
  }

  /** The writable target in memory, and a comparison of other copies with it. */
  private async writeTargetInMemory(problems: string[]) {
    const collab = this.server.services.collab;
    const room = collab.registry.get(this.documents.write);
    if (!room) throw new Error('the writable target is not loaded');
    await collab.updateLog.drained();
    const memory = describeDoc(room.doc);
    const memorySnapshot = Y.snapshot(room.doc);
    const compare = async (label: string, doc: Y.Doc) => {
      const description = describeDoc(doc);
      if (description !== memory) {
        const diff = diffDescriptions(memory, description);
        problems.push(`writable target: ${label} differs from memory: ${diff}`);
      } else if (!Y.equalSnapshots(Y.snapshot(doc), memorySnapshot)) {
        problems.push(`writable target: ${label} has other deletions or clocks than memory`);
      } else return;
      await this.dumpWriteTarget(room.doc);
    };
    return { room, memory, compare };
  }

  /** With FUZZ_DUMP=<file>: memory (integrated and pending) and the store, to replay offline. */
  private async dumpWriteTarget(doc: Y.Doc) {
    const file = process.env.FUZZ_DUMP;
    if (!file) return;
    const stored = await new DrizzleUpdateStore(this.server.services.db).load(this.documents.write);
    const { pendingStructs, pendingDs } = doc.store;
    writeFileSync(
      file,
      JSON.stringify({
        seed: this.seed,
        memory: hex(Y.encodeStateAsUpdate(doc)),
        pendingV2: pendingStructs ? hex(pendingStructs.update) : null,
        pendingDsV2: pendingDs ? hex(pendingDs) : null,
        snapshot: stored.snapshot ? hex(stored.snapshot) : null,
        rows: stored.updates.map(hex),
      }),
    );
  }

  /**
   * What the writable target holds in memory is what the server gives out: a fresh load of the
   * store, the encoded state (what syncing clients and versions get), and the store again after
   * a compaction.
   */
  async verifyWriteTargetStored(): Promise<string[]> {
    const problems: string[] = [];
    const { room, compare } = await this.writeTargetInMemory(problems);
    const { db } = this.server.services;
    await compare('a fresh load of the store', await loadStoredDocument(db, this.documents.write));
    await compare('the encoded state', await this.docOf(this.documents.write));
    await room.compact();
    await compare('a load after compaction', await loadStoredDocument(db, this.documents.write));
    return problems;
  }

  /**
   * The writable target is consistent at the end: memory equals the store and the encoded
   * state, the stock client connected throughout has it too, it unloads (compaction) and loads
   * again the same, and a new stock client syncs it.
   */
  async verifyWriteTarget(): Promise<string[]> {
    const problems: string[] = [];
    const collab = this.server.services.collab;
    const id = this.documents.write;
    const room = collab.registry.get(id);
    if (!room) return ['writable target: not loaded any more'];
    await waitFor(() => room.connections.size <= 1, 20_000, 'fuzzing connections to close');
    const { memory, compare } = await this.writeTargetInMemory(problems);
    await compare(
      'a fresh load of the store',
      await loadStoredDocument(this.server.services.db, id),
    );
    await compare('the encoded state', await this.docOf(id));
    const observer = this.observers.get('write');
    if (observer) {
      await waitFor(() => describeDoc(observer.doc) === memory, 20_000, 'observer').catch(() => {
        const diff = diffDescriptions(memory, describeDoc(observer.doc));
        problems.push(`writable target: the stock client connected throughout differs: ${diff}`);
      });
      observer.provider.destroy();
    }
    await waitFor(() => room.connections.size === 0, 20_000, 'the observer to leave');
    await collab.registry.unload(room);
    await compare(
      'the store after unloading',
      await loadStoredDocument(this.server.services.db, id),
    );
    await compare('the document loaded again', await this.docOf(id));
    const fresh = await this.provider(id, 'bologna').catch(() => null);
    if (fresh) await compare('a stock client synced afterwards', fresh.doc);
    else problems.push('writable target: a stock client cannot sync it any more');
    return problems;
  }

  /** The writable target's value at `key` of map `name`, as the server holds it. */
  writeTargetValue(name: string, key: string) {
    const room = this.server.services.collab.registry.get(this.documents.write);
    return room?.doc.getMap(name).get(key);
  }

  /** The writable target's text `name`, as the server holds it. */
  writeTargetText(name: string) {
    const room = this.server.services.collab.registry.get(this.documents.write);
    return room?.doc.getText(name).toString();
  }

  async stop() {
    for (const { provider } of this.providers) provider.destroy();
    await this.server.stop();
  }
}

/** Seeded content in every kind of shared type, so that mutations have structure to break. */
function writeContent(doc: Y.Doc, random: Random) {
  const text = doc.getText('t');
  for (let index = 0; index < 20; index += 1) {
    text.insert(random.int(0, text.length), `line ${index} é中😀 `);
  }
  text.format(0, 10, { bold: true });
  text.delete(5, 3);
  const map = doc.getMap('m');
  map.set('title', 'Creative cities');
  map.set('nested', { list: [1, 2, 3], flag: true });
  map.set('binary', new Uint8Array([0, 1, 2, 255]));
  const fragment = doc.getXmlFragment('default');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.setAttribute('align', 'left');
  paragraph.insert(0, [new Y.XmlText('A paragraph of the shared document.')]);
  fragment.insert(0, [paragraph]);
  doc.getArray('a').insert(0, ['x', 1, { y: null }]);
}
