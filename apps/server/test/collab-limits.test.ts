// Every limit of the /collab endpoint through the real server, as a client meets it: frame size,
// document size, awareness size and rate, the queue while a document loads, connections per
// user, and a client that stops reading.
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { type Database, schema } from '@uccn/db';
import { availableDrivers } from '@uccn/db/testing';
import { CloseCode, MessageType } from '@uccn/protocol';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  awarenessMessage,
  openProvider,
  RawCollabClient,
  syncUpdate,
  waitFor,
  whenSynced,
} from './support/collab-clients';
import { TestClient } from './support/http-client';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './support/test-server';

const CITIES = ['bologna', 'kanazawa', 'dakar', 'montreal'] as const;
type City = (typeof CITIES)[number];

/** A started server with a signed-in client per demo city, and the helpers every test needs. */
function useServer(driver: 'pglite' | 'postgres', env: Record<string, string>) {
  const context = {
    server: undefined as unknown as TestServer,
    clients: {} as Record<City, TestClient>,
  };
  beforeAll(async () => {
    context.server = await startTestServer(driver, { SIGN_IN_RATE_LIMIT: '1000', ...env });
    for (const city of CITIES) {
      const client = new TestClient(context.server.url);
      const signedIn = await client.signIn(`${city}@uccn.test`, DEMO_PASSWORD);
      expect(signedIn.status).toBe(200);
      context.clients[city] = client;
    }
  });
  afterAll(() => context.server?.stop());
  return context;
}

type Context = ReturnType<typeof useServer>;

const cookie = (context: Context, city: City) => context.clients[city].cookieHeader;
const collabUrl = (context: Context, documentId: string) =>
  `${context.server.url.replace(/^http/, 'ws')}/collab/${documentId}`;

/** A document owned by Bologna, shared with the given cities. */
async function createDocument(
  context: Context,
  cities: { slug: City; access: 'read' | 'write' }[],
): Promise<string> {
  const created = await context.clients.bologna.post<{ document: { id: string } }>(
    '/api/documents',
    { title: 'Limits', cities },
  );
  expect(created.status).toBe(201);
  return created.body.document.id;
}

/** The document as the server holds it now. */
async function serverDoc(context: Context, documentId: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await context.server.services.collab.state(documentId));
  return doc;
}

async function logRows(db: Database, documentId: string) {
  const [row] = await db
    .select({ rows: count() })
    .from(schema.documentUpdates)
    .where(eq(schema.documentUpdates.documentId, documentId));
  return row?.rows ?? 0;
}

/** A self-contained update that inserts `text` into the Y.Text `name`. */
function textUpdate(name: string, text: string) {
  const doc = new Y.Doc();
  doc.getText(name).insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

async function openRaw(context: Context, documentId: string, city: City) {
  const client = new RawCollabClient(collabUrl(context, documentId), cookie(context, city));
  await client.opened;
  return client;
}

const closedWith = (client: RawCollabClient, code: number) =>
  waitFor(() => client.closed !== null, 10_000, `close ${code}`).then(() => client.closed?.code);

describe('message limits', () => {
  const context = useServer('pglite', {
    COLLAB_MAX_FRAME_BYTES: '4096',
    COLLAB_MAX_DOCUMENT_BYTES: '8192',
    COLLAB_MAX_AWARENESS_BYTES: '256',
    COLLAB_AWARENESS_RATE: '5',
  });

  it('closes a connection that sends a frame above the frame limit with 1009, unapplied', async () => {
    const documentId = await createDocument(context, []);
    const writer = await openRaw(context, documentId, 'bologna');
    writer.send(syncUpdate(textUpdate('t', 'kept')));
    await waitFor(async () => (await serverDoc(context, documentId)).getText('t').length === 4);
    await context.server.services.collab.updateLog.drained();
    const rowsBefore = await logRows(context.server.services.db, documentId);

    const oversized = syncUpdate(textUpdate('t', 'x'.repeat(5000)));
    expect(oversized.byteLength).toBeGreaterThan(4096);
    writer.send(oversized);

    expect(await closedWith(writer, 1009)).toBe(1009);
    expect((await serverDoc(context, documentId)).getText('t').toString()).toBe('kept');
    await context.server.services.collab.updateLog.drained();
    expect(await logRows(context.server.services.db, documentId)).toBe(rowsBefore);
  });

  it('refuses an update that would pass the document size limit with 4413, and stores nothing', async () => {
    const documentId = await createDocument(context, [{ slug: 'kanazawa', access: 'write' }]);
    const editor = openProvider(context.server.url, documentId, {
      cookie: cookie(context, 'kanazawa'),
    });
    const watcher = openProvider(context.server.url, documentId, {
      cookie: cookie(context, 'bologna'),
    });
    await Promise.all([whenSynced(editor.provider), whenSynced(watcher.provider)]);
    // Three edits of ~2 KB: about 6 KB of the 8 KB allowed.
    for (const part of ['a', 'b', 'c']) editor.doc.getText('t').insert(0, part.repeat(2000));
    await waitFor(() => watcher.doc.getText('t').length === 6000, 10_000, 'edits to arrive');
    await context.server.services.collab.updateLog.drained();
    const rowsBefore = await logRows(context.server.services.db, documentId);

    const raw = await openRaw(context, documentId, 'bologna');
    raw.send(syncUpdate(textUpdate('t', 'z'.repeat(3000))));
    expect(await closedWith(raw, CloseCode.DocumentTooLarge)).toBe(CloseCode.DocumentTooLarge);
    expect(raw.closed?.reason).toBe('document_too_large');

    const stored = await serverDoc(context, documentId);
    expect(stored.getText('t').length).toBe(6000);
    expect(stored.getText('t').toString()).not.toContain('z');
    await context.server.services.collab.updateLog.drained();
    expect(await logRows(context.server.services.db, documentId)).toBe(rowsBefore);

    // The other clients stay connected and keep editing within what is left.
    editor.doc.getText('t').insert(0, 'still here ');
    await waitFor(() => watcher.doc.getText('t').toString().startsWith('still here '));
    expect(editor.provider.wsconnected && watcher.provider.wsconnected).toBe(true);
    expect(watcher.doc.getText('t').toString()).not.toContain('z');
    editor.provider.destroy();
    watcher.provider.destroy();
  });

  it('drops an awareness message above the awareness limit; nobody else sees it', async () => {
    const documentId = await createDocument(context, [{ slug: 'kanazawa', access: 'write' }]);
    const watcher = openProvider(context.server.url, documentId, {
      cookie: cookie(context, 'kanazawa'),
    });
    await whenSynced(watcher.provider);
    const sender = await openRaw(context, documentId, 'bologna');
    const big = awarenessMessage([{ clientId: 7001, clock: 1, state: { note: 'x'.repeat(400) } }]);
    const small = awarenessMessage([{ clientId: 7002, clock: 1, state: { note: 'small' } }]);
    expect(big.byteLength).toBeGreaterThan(256);
    sender.send(big);
    sender.send(small);
    // The small message, sent after the big one, arrives: so the big one was dropped, not late.
    await waitFor(() => watcher.provider.awareness.getStates().has(7002));
    expect(watcher.provider.awareness.getStates().has(7001)).toBe(false);
    expect(sender.closed).toBeNull();
    sender.close();
    watcher.provider.destroy();
  });

  it('drops awareness beyond the rate, and closes a sustained flood with 4429', async () => {
    const documentId = await createDocument(context, [{ slug: 'kanazawa', access: 'write' }]);
    const watcher = openProvider(context.server.url, documentId, {
      cookie: cookie(context, 'kanazawa'),
    });
    await whenSynced(watcher.provider);
    const seen = new Map<number, number>();
    watcher.provider.awareness.on(
      'update',
      ({ added, updated }: { added: number[]; updated: number[] }) => {
        for (const id of [...added, ...updated]) seen.set(id, (seen.get(id) ?? 0) + 1);
      },
    );
    const flood = (client: RawCollabClient, clientId: number, messages: number) => {
      for (let clock = 1; clock <= messages; clock += 1) {
        client.send(awarenessMessage([{ clientId, clock, state: { clock } }]));
      }
    };

    // The newest state of a client others were sent (the server sends the latest state of each
    // client that changed in a turn, so counting updates would undercount what got through).
    const lastClock = (clientId: number) =>
      (watcher.provider.awareness.getStates().get(clientId)?.clock as number | undefined) ?? 0;

    // A burst of 50 at 5 per second (burst 10): the excess is dropped, the connection stays.
    const burster = await openRaw(context, documentId, 'bologna');
    flood(burster, 8001, 50);
    await waitFor(() => seen.has(8001), 10_000, 'the first of the burst');
    // A marker on the same connection once the bucket has refilled a little: it is read after
    // the burst, so once it is seen, everything of the burst that got through has been seen.
    await new Promise((resolve) => setTimeout(resolve, 500));
    burster.send(awarenessMessage([{ clientId: 8999, clock: 1, state: { marker: true } }]));
    await waitFor(() => seen.has(8999), 10_000, 'the marker');
    // The first 10 (the bucket's burst) went through, maybe one or two refilled ones; not 50.
    expect(lastClock(8001)).toBeGreaterThanOrEqual(10);
    expect(lastClock(8001)).toBeLessThan(20);
    expect(burster.closed).toBeNull();

    // A sustained flood is cut off.
    const flooder = await openRaw(context, documentId, 'bologna');
    flood(flooder, 8002, 1000);
    expect(await closedWith(flooder, CloseCode.RateLimited)).toBe(CloseCode.RateLimited);
    expect(flooder.closed?.reason).toBe('rate_limited');
    expect(lastClock(8002)).toBeLessThan(20);
    expect(watcher.provider.wsconnected).toBe(true);
    burster.close();
    watcher.provider.destroy();
  });
});

describe('connection limits', () => {
  const maxBufferedBytes = 64 * 1024;
  const context = useServer('pglite', {
    COLLAB_MAX_CONNECTIONS_PER_USER: '3',
    COLLAB_MAX_BUFFERED_BYTES: String(maxBufferedBytes),
    COLLAB_MAX_DOCUMENT_BYTES: String(512 * 1024 * 1024),
    COLLAB_COMPACT_AFTER_UPDATES: '1000000',
    COLLAB_COMPACT_AFTER_BYTES: String(1024 * 1024 * 1024),
  });

  it('refuses a connection above the per-user limit with HTTP 429 at the upgrade', async () => {
    const documentId = await createDocument(context, [{ slug: 'montreal', access: 'write' }]);
    const url = collabUrl(context, documentId);
    const open = [1, 2, 3].map(() => new RawCollabClient(url, cookie(context, 'montreal')));
    await Promise.all(open.map((client) => client.opened));
    const extra = new RawCollabClient(url, cookie(context, 'montreal'));
    await extra.opened.catch(() => {});
    expect(extra.unexpected).toBe(429);
    // Another user is not affected.
    const other = await openRaw(context, documentId, 'bologna');
    expect(other.closed).toBeNull();
    // A freed slot can be used again.
    const before = context.server.services.collab.connectionCount;
    open[0]?.close();
    await waitFor(() => context.server.services.collab.connectionCount === before - 1);
    const again = await openRaw(context, documentId, 'montreal');
    expect(again.closed).toBeNull();
    for (const client of [...open, other, again]) client.close();
    await waitFor(() => context.server.services.collab.connectionCount === 0);
  });

  it('drops a client that stops reading once its unsent bytes pass the limit', async () => {
    const documentId = await createDocument(context, [
      { slug: 'kanazawa', access: 'write' },
      { slug: 'dakar', access: 'read' },
    ]);
    const collab = context.server.services.collab;
    const reader = openProvider(context.server.url, documentId, {
      cookie: cookie(context, 'dakar'),
    });
    await whenSynced(reader.provider);
    const slow = await openStalledSocket(context, documentId, 'kanazawa');
    await waitFor(() => (collab.registry.get(documentId)?.connections.size ?? 0) === 2);
    const room = collab.registry.get(documentId);
    const slowConnection = [...(room?.connections ?? [])].find(
      (connection) => connection.identity.citySlug === 'kanazawa',
    );
    if (!room || !slowConnection) throw new Error('the stalled client is not in the room');

    const writer = await openRaw(context, documentId, 'bologna');
    const source = new Y.Doc();
    source.on('update', (update: Uint8Array) => writer.send(syncUpdate(update)));
    const chunk = 'w'.repeat(64 * 1024);
    const budget = 48 * 1024 * 1024;
    const rssBefore = process.memoryUsage().rss;
    let written = 0;
    let peakBuffered = 0;
    while (written < budget && room.connections.has(slowConnection)) {
      source.getText('t').insert(0, chunk);
      written += chunk.length;
      await waitFor(() => writer.socket.bufferedAmount === 0, 10_000, 'writer to flush');
      await new Promise((resolve) => setImmediate(resolve));
      peakBuffered = Math.max(peakBuffered, slowConnection.socket.bufferedAmount);
    }
    await waitFor(() => !room.connections.has(slowConnection), 10_000, 'slow drop');
    // Dropped long before the budget: the kernel buffers plus the limit, not the whole stream.
    expect(written).toBeLessThan(budget);
    expect(peakBuffered).toBeLessThanOrEqual(maxBufferedBytes + 2 * (chunk.length + 64));
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(256 * 1024 * 1024);
    // The stalled client's socket is gone for it too, and the reader kept up the whole time.
    slow.resume();
    await waitFor(() => slow.closed, 10_000, 'stalled socket to close');
    await waitFor(() => reader.doc.getText('t').length === written, 20_000, 'reader to catch up');
    expect(reader.provider.wsconnected).toBe(true);
    writer.close();
    reader.provider.destroy();
  });
});

/** A client that completes the WebSocket handshake, then never reads again. */
async function openStalledSocket(context: Context, documentId: string, city: City) {
  const { port } = new URL(context.server.url);
  const socket = net.connect(Number(port), '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.on('error', () => {});
  const state = { closed: false, resume: () => socket.resume() };
  socket.on('close', () => {
    state.closed = true;
  });
  socket.write(
    [
      `GET /collab/${documentId} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      `Cookie: ${cookie(context, city)}`,
      '',
      '',
    ].join('\r\n'),
  );
  const head = await new Promise<string>((resolve) => {
    socket.once('data', (data: Buffer) => {
      socket.pause();
      resolve(data.toString('latin1'));
    });
  });
  expect(head.startsWith('HTTP/1.1 101')).toBe(true);
  return state;
}

const drivers = await availableDrivers();

// Races need a slow database. In-process PGlite answers a query without yielding to the network
// (a document is loaded before its client even sees the upgrade), so these run on Postgres, where
// a table lock held by the test stops the server at a chosen query. The room's unit tests cover
// the loading queue with an in-memory store on every machine.
describe.runIf(drivers.includes('postgres'))('with a slow database (postgres)', () => {
  const context = useServer('postgres', {
    COLLAB_MAX_QUEUED_WHILE_LOADING: '8',
    COLLAB_MAX_CONNECTIONS_PER_USER: '3',
  });

  /** Holds an exclusive lock on `table` (every query on it waits) until `release`. */
  async function lockTable(table: 'document_snapshots' | 'cities') {
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let waiters: () => Promise<number> = async () => 0;
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const transaction = context.server.services.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`lock table ${table} in access exclusive mode`));
      waiters = async () => {
        const result = await tx.execute(
          sql.raw(
            `select count(*)::int as n from pg_locks where not granted and relation = '${table}'::regclass`,
          ),
        );
        // node-postgres result: the generic Database type does not name the driver's shape.
        return (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
      };
      locked();
      await released;
    });
    await isLocked;
    return {
      /** Queries waiting for the lock (asked on the lock's own connection). */
      waiters: () => waiters(),
      release: async () => {
        release();
        await transaction;
      },
    };
  }

  it('holds the per-user limit when upgrades arrive together', async () => {
    const documentId = await createDocument(context, [{ slug: 'montreal', access: 'write' }]);
    const url = collabUrl(context, documentId);
    // Montreal's city is not cached yet: each upgrade looks it up, and waits on the lock there.
    const lock = await lockTable('cities');
    const attempts = Array.from(
      { length: 8 },
      () => new RawCollabClient(url, cookie(context, 'montreal')),
    );
    const outcomes = Promise.allSettled(attempts.map((client) => client.opened));
    try {
      await waitFor(async () => (await lock.waiters()) >= 2, 10_000, 'upgrades to queue up');
    } finally {
      await lock.release();
    }
    const opened = (await outcomes).filter((outcome) => outcome.status === 'fulfilled').length;
    const refused = attempts.filter((client) => client.unexpected === 429).length;
    for (const client of attempts) client.close();
    await waitFor(() => context.server.services.collab.connectionCount === 0);
    expect({ opened, refused }).toEqual({ opened: 3, refused: 5 });
  });

  it('queues what arrives before the document is loaded, then applies it in order', async () => {
    const documentId = await createDocument(context, []);
    // Loads read document_snapshots first: they wait on the lock.
    const lock = await lockTable('document_snapshots');
    try {
      const client = await openRaw(context, documentId, 'bologna');
      expect(context.server.services.collab.registry.get(documentId)?.status).toBe('loading');
      const local = new Y.Doc();
      local.on('update', (update: Uint8Array) => client.send(syncUpdate(update)));
      for (const word of ['one ', 'two ', 'three ']) {
        local.getText('t').insert(local.getText('t').length, word);
      }
      client.send(new Uint8Array([MessageType.QueryAwareness]));
      await waitFor(async () => (await lock.waiters()) >= 1, 10_000, 'the load to wait');
      expect(context.server.services.collab.registry.get(documentId)?.status).toBe('loading');
      expect(client.frames).toHaveLength(0);
      await lock.release();
      // The greeting first, then the answer to the queued query: the queue was replayed.
      await waitFor(() => client.framesOfType(MessageType.Awareness).length > 0);
      expect(client.framesOfType(MessageType.Sync).length).toBeGreaterThan(0);
      const stored = await serverDoc(context, documentId);
      expect(stored.getText('t').toString()).toBe('one two three ');
      expect(client.closed).toBeNull();
      client.close();
    } finally {
      await lock.release();
    }
  });

  it('closes with 4429 a connection that sends more than the queue holds while loading', async () => {
    const documentId = await createDocument(context, []);
    const lock = await lockTable('document_snapshots');
    try {
      const patient = await openRaw(context, documentId, 'bologna');
      const flooder = await openRaw(context, documentId, 'bologna');
      expect(context.server.services.collab.registry.get(documentId)?.status).toBe('loading');
      for (let index = 0; index < 9; index += 1) flooder.send(syncUpdate(textUpdate('t', 'x')));
      patient.send(syncUpdate(textUpdate('t', 'kept')));
      // Closed while the load is still held: the bound applies during loading.
      expect(await closedWith(flooder, CloseCode.RateLimited)).toBe(CloseCode.RateLimited);
      expect(flooder.closed?.reason).toBe('rate_limited');
      expect(context.server.services.collab.registry.get(documentId)?.status).toBe('loading');
      await lock.release();
      await waitFor(async () => (await serverDoc(context, documentId)).getText('t').length > 0);
      // The flooder's queued messages died with it; the patient client's were applied.
      expect((await serverDoc(context, documentId)).getText('t').toString()).toBe('kept');
      expect(patient.closed).toBeNull();
      patient.close();
    } finally {
      await lock.release();
    }
  });
});
