// DocumentRoom over an in-memory socket and store: sync, loading queue, failures, acks, compaction.
import { CloseCode, decodeSavedMessage, MessageType, SyncStep } from '@uccn/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { BUSY_TURN_CHANGES } from './outgoing-batch';
import { RoomRegistry } from './registry';
import { DocumentRoom } from './room';
import { MemoryUpdateStore } from './stores/memory-store';
import {
  type CollabSocket,
  DEFAULT_LIMITS,
  type DocumentAccess,
  type RoomLimits,
  type StoredDocument,
  type UpdateRow,
} from './types';
import { UpdateLog } from './update-log';

const DOC = 'doc-1';
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const identity = {
  userId: 'u1',
  name: 'Ana',
  cityName: 'Popayán',
  citySlug: 'popayan',
  color: '#123456',
};

/** A socket in memory: records what the room sends and how it closes. */
class FakeSocket implements CollabSocket {
  readonly sent: Uint8Array[] = [];
  readonly closes: { code: number; reason: string }[] = [];
  bufferedAmount = 0;

  send(data: Uint8Array) {
    this.sent.push(data);
  }

  close(code: number, reason: string) {
    this.closes.push({ code, reason });
  }

  /** Frames of one message type. */
  ofType(type: number) {
    return this.sent.filter(
      (frame) => decoding.readVarUint(decoding.createDecoder(frame)) === type,
    );
  }

  /** Applies every sync step 2 and update the room sent to `doc`. */
  applyTo(doc: Y.Doc) {
    for (const frame of this.ofType(MessageType.Sync)) {
      const decoder = decoding.createDecoder(frame);
      decoding.readVarUint(decoder);
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step !== SyncStep.Step1) Y.applyUpdate(doc, payload, 'server');
    }
  }

  /** The highest clock of `clientId` that a saved acknowledgement has covered. */
  savedClock(clientId: number) {
    return Math.max(
      0,
      ...this.ofType(MessageType.Saved).map(
        (frame) => Y.decodeStateVector(decodeSavedMessage(frame)).get(clientId) ?? 0,
      ),
    );
  }
}

/** A memory store whose load and append wait until the test lets them through. */
class GatedStore extends MemoryUpdateStore {
  loadGate: Promise<void> = Promise.resolve();
  appendGate: Promise<void> = Promise.resolve();
  appendsWaiting = 0;
  compactCalls = 0;

  override async load(documentId: string): Promise<StoredDocument> {
    await this.loadGate;
    return super.load(documentId);
  }

  override async append(rows: UpdateRow[]): Promise<number[]> {
    this.appendsWaiting += 1;
    await this.appendGate;
    this.appendsWaiting -= 1;
    return super.append(rows);
  }

  override async compact(documentId: string, state: Uint8Array, upToId: number) {
    this.compactCalls += 1;
    return super.compact(documentId, state, upToId);
  }
}

function gate() {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

function createRoom(store: MemoryUpdateStore, limits: Partial<RoomLimits> = {}) {
  const log = new UpdateLog(store);
  const room = new DocumentRoom({
    documentId: DOC,
    store,
    log,
    limits: { ...DEFAULT_LIMITS, ...limits },
    logger: silent,
  });
  return { room, log };
}

function join(room: DocumentRoom, access: DocumentAccess = 'write', wantsAcks = false) {
  const socket = new FakeSocket();
  const connection = room.join({ socket, identity, access, wantsAcks });
  return { socket, connection };
}

function syncFrame(step: number, payload: Uint8Array) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Runs an edit on a client's doc and returns the sync frame carrying it. */
function edit(doc: Y.Doc, change: (doc: Y.Doc) => void) {
  const before = Y.encodeStateVector(doc);
  change(doc);
  return syncFrame(SyncStep.Update, Y.encodeStateAsUpdate(doc, before));
}

/** Lets the room send what it gathered in this event-loop turn. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One awareness entry in y-protocols' encoding. */
function encodeAwarenessEntries(clientId: number, clock: number, state: string) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, state);
  return encoding.toUint8Array(encoder);
}

/** A separate writer's document holding `text`. */
function textDoc(text: string) {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

function textOf(update: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

describe('DocumentRoom', () => {
  it('lets two connections converge, and a late joiner catches up by sync step 1', async () => {
    const store = new MemoryUpdateStore();
    const { room, log } = createRoom(store);
    const a = join(room);
    const b = join(room);
    await room.loaded;
    // The room greets each connection with its state vector.
    expect(a.socket.ofType(MessageType.Sync)).toHaveLength(1);
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    room.handleMessage(
      a.connection,
      edit(docA, (doc) => doc.getText('t').insert(0, 'from A. ')),
    );
    room.handleMessage(
      b.connection,
      edit(docB, (doc) => doc.getText('t').insert(0, 'from B. ')),
    );
    await nextTurn();
    a.socket.applyTo(docA);
    b.socket.applyTo(docB);
    expect(docA.getText('t').toString()).toBe(docB.getText('t').toString());
    expect(docA.getText('t').toString()).toContain('from A.');
    expect(docA.getText('t').toString()).toContain('from B.');
    expect(Y.encodeStateVector(room.doc)).toEqual(Y.encodeStateVector(docA));

    const late = join(room);
    room.handleMessage(
      late.connection,
      syncFrame(SyncStep.Step1, Y.encodeStateVector(new Y.Doc())),
    );
    const docC = new Y.Doc();
    late.socket.applyTo(docC);
    expect(docC.getText('t').toString()).toBe(docA.getText('t').toString());
    await log.drained();
    expect(textOf(store.stateOf(DOC))).toBe(docA.getText('t').toString());
  });

  it('queues messages that arrive while the document loads and applies them after', async () => {
    const store = new GatedStore();
    const loading = gate();
    store.loadGate = loading.promise;
    const { room, log } = createRoom(store);
    const a = join(room, 'write', true);
    const client = new Y.Doc();
    room.handleMessage(
      a.connection,
      edit(client, (doc) => doc.getText('t').insert(0, 'early bird')),
    );
    expect(room.status).toBe('loading');
    expect(a.connection.queue).toHaveLength(1);
    expect(room.doc.getText('t').toString()).toBe('');
    expect(a.socket.sent).toHaveLength(0);

    loading.open();
    await room.loaded;
    expect(room.status).toBe('ready');
    expect(a.connection.queue).toHaveLength(0);
    expect(room.doc.getText('t').toString()).toBe('early bird');
    // Greeted first, then its queued edit was acknowledged once committed.
    expect(a.socket.ofType(MessageType.Sync)).toHaveLength(1);
    await log.drained();
    await vi.waitFor(() => expect(a.socket.savedClock(client.clientID)).toBe(10));
    expect(textOf(store.stateOf(DOC))).toBe('early bird');
  });

  it('closes a connection that sends too much while the document loads', async () => {
    const store = new GatedStore();
    const loading = gate();
    store.loadGate = loading.promise;
    const { room } = createRoom(store, { maxQueuedWhileLoading: 3 });
    const a = join(room);
    const client = new Y.Doc();
    for (let index = 0; index < 4; index += 1) {
      room.handleMessage(
        a.connection,
        edit(client, (doc) => doc.getText('t').insert(0, 'x')),
      );
    }
    expect(a.socket.closes).toEqual([{ code: CloseCode.RateLimited, reason: 'rate_limited' }]);
    loading.open();
    await room.loaded;
  });

  it('closes connections with 4500 when the document fails to load, and writes nothing', async () => {
    const store = new GatedStore();
    store.failNext.load = new Error('disk on fire');
    const log = new UpdateLog(store);
    const registry = new RoomRegistry({ store, log, limits: DEFAULT_LIMITS, logger: silent });
    const first = new FakeSocket();
    const { room, connection } = registry.connect(DOC, {
      socket: first,
      identity,
      access: 'write',
      wantsAcks: true,
    });
    room.handleMessage(
      connection,
      edit(new Y.Doc(), (doc) => doc.getText('t').insert(0, 'lost')),
    );
    await room.loaded;
    expect(room.status).toBe('failed');
    expect(first.closes).toEqual([{ code: CloseCode.InternalError, reason: 'internal_error' }]);
    expect(first.ofType(MessageType.Saved)).toHaveLength(0);
    // A late message on the failed room is ignored, and unloading it saves nothing.
    room.handleMessage(
      connection,
      edit(new Y.Doc(), (doc) => doc.getText('t').insert(0, 'later')),
    );
    await registry.unload(room);
    await log.drained();
    expect(store.appendCalls).toBe(0);
    expect(store.compactCalls).toBe(0);
    expect(Y.decodeUpdate(store.stateOf(DOC)).structs).toHaveLength(0);

    // The next open loads afresh, and fine.
    const second = new FakeSocket();
    const again = registry.connect(DOC, {
      socket: second,
      identity,
      access: 'write',
      wantsAcks: false,
    });
    expect(again.room).not.toBe(room);
    await again.room.loaded;
    expect(again.room.status).toBe('ready');
    expect(second.closes).toHaveLength(0);
    expect(second.ofType(MessageType.Sync)).toHaveLength(1);
    await registry.shutdown(CloseCode.ServerShuttingDown);
  });

  it('closes every connection with 4500 when an append fails, and acknowledges nothing', async () => {
    const store = new MemoryUpdateStore();
    const { room, log } = createRoom(store);
    const a = join(room, 'write', true);
    const b = join(room);
    await room.loaded;
    store.failNext.append = new Error('disk full');
    room.handleMessage(
      a.connection,
      edit(new Y.Doc(), (doc) => doc.getText('t').insert(0, 'not saved')),
    );
    await log.drained();
    await vi.waitFor(() => expect(room.status).toBe('failed'));
    expect(a.socket.closes).toEqual([{ code: CloseCode.InternalError, reason: 'internal_error' }]);
    expect(b.socket.closes).toEqual([{ code: CloseCode.InternalError, reason: 'internal_error' }]);
    expect(a.socket.ofType(MessageType.Saved)).toHaveLength(0);
    expect(room.connections.size).toBe(0);
    await room.unload();
    expect(textOf(store.stateOf(DOC))).toBe('');
  });

  it('sends the saved acknowledgement only after the append has committed', async () => {
    const store = new GatedStore();
    const { room, log } = createRoom(store);
    const a = join(room, 'write', true);
    await room.loaded;
    const holding = gate();
    store.appendGate = holding.promise;
    const client = new Y.Doc();
    room.handleMessage(
      a.connection,
      edit(client, (doc) => doc.getText('t').insert(0, 'hello')),
    );
    await vi.waitFor(() => expect(store.appendsWaiting).toBe(1));
    // The edit is live (applied, broadcast) but not committed: no acknowledgement yet.
    expect(room.doc.getText('t').toString()).toBe('hello');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(a.socket.ofType(MessageType.Saved)).toHaveLength(0);

    holding.open();
    await log.drained();
    await vi.waitFor(() => expect(a.socket.savedClock(client.clientID)).toBe(5));
    // A connection that did not ask for acknowledgements never receives one.
    const b = join(room, 'write', false);
    room.handleMessage(
      b.connection,
      edit(new Y.Doc(), (doc) => doc.getText('t').insert(0, 'quiet ')),
    );
    await log.drained();
    await new Promise((resolve) => setImmediate(resolve));
    expect(b.socket.ofType(MessageType.Saved)).toHaveLength(0);
  });

  it('compacts the log into a snapshot that a new room loads', async () => {
    const store = new GatedStore();
    const { room, log } = createRoom(store, { compactAfterUpdates: 5 });
    const a = join(room);
    await room.loaded;
    const client = new Y.Doc();
    for (let index = 0; index < 12; index += 1) {
      room.handleMessage(
        a.connection,
        edit(client, (doc) => doc.getText('t').insert(doc.getText('t').length, `${index};`)),
      );
      await log.drained();
    }
    await vi.waitFor(() => expect(room.logCount).toBeLessThan(5));
    const stored = await store.load(DOC);
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates.length).toBeLessThan(5);
    expect(store.compactCalls).toBeGreaterThanOrEqual(2);

    const reopened = createRoom(store).room;
    await reopened.loaded;
    expect(reopened.doc.getText('t').toString()).toBe(client.getText('t').toString());
    expect(Y.encodeStateVector(reopened.doc)).toEqual(Y.encodeStateVector(client));
  });

  it('compacts without reading its own rows back, and merges rows only another writer logged', async () => {
    const store = new MemoryUpdateStore();
    await store.append([{ documentId: DOC, update: Y.encodeStateAsUpdate(textDoc('loaded; ')) }]);
    const { room, log } = createRoom(store);
    const a = join(room);
    await room.loaded;
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room.doc));
    const type = (text: string) =>
      room.handleMessage(
        a.connection,
        edit(client, (doc) => doc.getText('t').insert(doc.getText('t').length, text)),
      );
    type('mine; ');
    await log.drained();
    await room.compact();
    expect(store.mergingCompactions).toBe(0);
    expect(textOf(store.stateOf(DOC))).toBe('loaded; mine; ');

    // Another node's row that never reached this room (pub/sub lost it): merged, not lost.
    await store.append([{ documentId: DOC, update: Y.encodeStateAsUpdate(textDoc('theirs; ')) }]);
    type('more; ');
    await log.drained();
    await room.compact();
    expect(store.mergingCompactions).toBe(1);
    const stored = textOf(store.stateOf(DOC));
    for (const part of ['loaded; ', 'mine; ', 'more; ', 'theirs; ']) expect(stored).toContain(part);
    const reopened = createRoom(store).room;
    await reopened.loaded;
    expect(reopened.doc.getText('t').toString()).toBe(stored);
  });

  it('writes a final snapshot when it unloads', async () => {
    const store = new MemoryUpdateStore();
    const { room, log } = createRoom(store);
    const a = join(room);
    await room.loaded;
    const client = new Y.Doc();
    for (const word of ['one ', 'two ', 'three']) {
      room.handleMessage(
        a.connection,
        edit(client, (doc) => doc.getText('t').insert(doc.getText('t').length, word)),
      );
    }
    await log.drained();
    const before = await store.load(DOC);
    expect(before.snapshot).toBeNull();
    expect(before.updates).toHaveLength(3);

    room.leave(a.connection);
    await room.unload();
    expect(room.status).toBe('closed');
    const after = await store.load(DOC);
    expect(after.snapshot).not.toBeNull();
    expect(after.updates).toHaveLength(0);
    expect(textOf(after.snapshot ?? new Uint8Array())).toBe('one two three');
  });

  it('shows a read-only connection the document but never applies or stores what it sends', async () => {
    const store = new MemoryUpdateStore();
    const { room, log } = createRoom(store);
    const writer = join(room);
    const reader = join(room, 'read', true);
    await room.loaded;
    room.handleMessage(
      writer.connection,
      edit(new Y.Doc(), (doc) => doc.getText('t').insert(0, 'visible')),
    );
    const readerDoc = new Y.Doc();
    await nextTurn();
    reader.socket.applyTo(readerDoc);
    expect(readerDoc.getText('t').toString()).toBe('visible');
    await log.drained();
    const appendsBefore = store.appendCalls;
    const writerFrames = writer.socket.sent.length;

    room.handleMessage(
      reader.connection,
      edit(readerDoc, (doc) => doc.getText('t').insert(0, 'SNEAKY ')),
    );
    await nextTurn();
    await log.drained();
    expect(room.doc.getText('t').toString()).toBe('visible');
    expect(store.appendCalls).toBe(appendsBefore);
    expect(writer.socket.sent).toHaveLength(writerFrames);
    expect(reader.socket.ofType(MessageType.Saved)).toHaveLength(0);
    expect(reader.socket.closes).toHaveLength(0);
    expect(textOf(store.stateOf(DOC))).toBe('visible');
  });

  it('sends the first update of a turn at once and the rest of the turn as one merged message', async () => {
    const store = new MemoryUpdateStore();
    const { room, log } = createRoom(store);
    const a = join(room);
    const b = join(room);
    const watcher = join(room);
    await room.loaded;
    await nextTurn();
    const greeted = watcher.socket.sent.length;
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    room.handleMessage(
      a.connection,
      edit(docA, (doc) => doc.getText('t').insert(0, 'one ')),
    );
    expect(watcher.socket.sent).toHaveLength(greeted + 1);
    room.handleMessage(
      a.connection,
      edit(docA, (doc) => doc.getText('t').insert(4, 'two ')),
    );
    room.handleMessage(
      b.connection,
      edit(docB, (doc) => doc.getText('t').insert(0, 'three ')),
    );
    expect(watcher.socket.sent).toHaveLength(greeted + 1);
    await nextTurn();

    expect(watcher.socket.sent).toHaveLength(greeted + 2);
    const watcherDoc = new Y.Doc();
    watcher.socket.applyTo(watcherDoc);
    // Writers get the merged update too (it holds the other's edit); theirs in it changes nothing.
    a.socket.applyTo(docA);
    b.socket.applyTo(docB);
    for (const doc of [watcherDoc, docA, docB]) {
      expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(room.doc));
      expect(doc.getText('t').toString()).toBe(room.doc.getText('t').toString());
    }
    // Every edit is still its own log row: batching is about sends, never about saves.
    await log.drained();
    expect(store.appendCalls).toBeGreaterThan(0);
    expect(textOf(store.stateOf(DOC))).toBe(room.doc.getText('t').toString());
  });

  it('sends the first update of a turn in each document at once: documents never wait for each other', async () => {
    const rooms = [createRoom(new MemoryUpdateStore()), createRoom(new MemoryUpdateStore())];
    const pairs = rooms.map(({ room }) => ({ room, writer: join(room), watcher: join(room) }));
    await Promise.all(pairs.map(({ room }) => room.loaded));
    await nextTurn();
    const greeted = pairs.map(({ watcher }) => watcher.socket.sent.length);
    for (const [index, { room, writer }] of pairs.entries()) {
      room.handleMessage(
        writer.connection,
        edit(new Y.Doc(), (doc) => doc.getText('t').insert(0, `doc ${index}`)),
      );
    }
    // Both went out within the turn, before any timer ran.
    expect(pairs.map(({ watcher }) => watcher.socket.sent.length)).toEqual(
      greeted.map((count) => count + 1),
    );
  });

  it('batches every change of a turn once turns fill up, and sends at once again when they calm down', async () => {
    const { room } = createRoom(new MemoryUpdateStore());
    const writer = join(room);
    const watcher = join(room);
    await room.loaded;
    await nextTurn();
    const client = new Y.Doc();
    const type = (text: string) =>
      room.handleMessage(
        writer.connection,
        edit(client, (doc) => doc.getText('t').insert(doc.getText('t').length, text)),
      );
    /** Runs `task` as one event-loop turn; returns the frames the watcher got during it. */
    const inOneTurn = (task: () => void) =>
      new Promise<number>((resolve) =>
        setImmediate(() => {
          const before = watcher.socket.sent.length;
          task();
          resolve(watcher.socket.sent.length - before);
        }),
      );

    expect(await inOneTurn(() => type('a'))).toBe(1);
    // A busy turn: its first change goes at once, the rest at its end.
    expect(
      await inOneTurn(() => {
        for (let index = 0; index < BUSY_TURN_CHANGES; index += 1) type('b');
      }),
    ).toBe(1);
    await nextTurn();
    // The next turn batches even its first change…
    expect(await inOneTurn(() => type('c'))).toBe(0);
    await nextTurn();
    // …and being a light one, the turn after it sends at once again.
    expect(await inOneTurn(() => type('d'))).toBe(1);
    await nextTurn();
    const watcherDoc = new Y.Doc();
    watcher.socket.applyTo(watcherDoc);
    expect(watcherDoc.getText('t').toString()).toBe(`a${'b'.repeat(BUSY_TURN_CHANGES)}cd`);
  });

  it('does not echo a turn of edits that all came from one connection', async () => {
    const { room } = createRoom(new MemoryUpdateStore());
    const typist = join(room);
    const watcher = join(room);
    await room.loaded;
    await nextTurn();
    const typistFrames = typist.socket.sent.length;
    const client = new Y.Doc();
    for (const letter of 'abc') {
      room.handleMessage(
        typist.connection,
        edit(client, (doc) => doc.getText('t').insert(doc.getText('t').length, letter)),
      );
    }
    await nextTurn();
    expect(typist.socket.sent).toHaveLength(typistFrames);
    const watcherDoc = new Y.Doc();
    watcher.socket.applyTo(watcherDoc);
    expect(watcherDoc.getText('t').toString()).toBe('abc');
    // The greeting, the first edit at once, the other two merged.
    expect(watcher.socket.ofType(MessageType.Sync)).toHaveLength(3);
  });

  it('sends an update before awareness gathered in the same turn, and only the latest awareness', async () => {
    const { room } = createRoom(new MemoryUpdateStore());
    const writer = join(room);
    const watcher = join(room);
    await room.loaded;
    await nextTurn();
    const greeted = watcher.socket.sent.length;
    const client = new Y.Doc();
    const awarenessFrame = (clock: number, cursor: number) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Awareness);
      encoding.writeVarUint8Array(
        encoder,
        encodeAwarenessEntries(client.clientID, clock, JSON.stringify({ cursor })),
      );
      return encoding.toUint8Array(encoder);
    };
    room.handleMessage(writer.connection, awarenessFrame(1, 1)); // first of the turn: at once
    room.handleMessage(writer.connection, awarenessFrame(2, 2));
    room.handleMessage(
      writer.connection,
      edit(client, (doc) => doc.getText('t').insert(0, 'hi')),
    );
    room.handleMessage(writer.connection, awarenessFrame(3, 3));
    await nextTurn();

    const frames = watcher.socket.sent.slice(greeted);
    expect(frames.map((frame) => decoding.readVarUint(decoding.createDecoder(frame)))).toEqual([
      MessageType.Awareness,
      MessageType.Sync,
      MessageType.Awareness,
    ]);
    const decoder = decoding.createDecoder(frames[2] ?? new Uint8Array());
    decoding.readVarUint(decoder);
    const update = decoding.readVarUint8Array(decoder);
    const body = decoding.createDecoder(update);
    expect(decoding.readVarUint(body)).toBe(1); // one client
    expect(decoding.readVarUint(body)).toBe(client.clientID);
    expect(decoding.readVarUint(body)).toBe(3);
    expect(JSON.parse(decoding.readVarString(body))).toMatchObject({ cursor: 3 });
  });

  it('drops a connection that stopped reading instead of buffering for it', async () => {
    const { room } = createRoom(new MemoryUpdateStore(), { maxBufferedBytes: 1024 });
    const writer = join(room);
    const stalled = join(room);
    await room.loaded;
    stalled.socket.bufferedAmount = 4096;
    room.handleMessage(
      writer.connection,
      edit(new Y.Doc(), (doc) => doc.getText('t').insert(0, 'moving on')),
    );
    await nextTurn();
    expect(stalled.socket.closes).toEqual([
      { code: CloseCode.SlowConsumer, reason: 'slow_consumer' },
    ]);
    expect(writer.socket.closes).toHaveLength(0);
  });
});
