// One document in memory and the connections editing it: y-websocket sync and awareness, access
// and limits, durable saves through the update log, compaction into snapshots.
import { CloseCode, MessageType, SyncStep } from '@uccn/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { decodeAwarenessUpdate, encodeAwarenessUpdate, guardAwareness } from './awareness-guard';
import { Connection, type ConnectionOptions } from './connection';
import { OutgoingBatch } from './outgoing-batch';
import { dropConflictingPending } from './pending-structs';
import type { LogCursor, RoomLimits, RoomLogger, UpdateStore } from './types';
import { checkUpdate, overlapsHeld } from './update-check';
import type { UpdateLog } from './update-log';

/** Origin of the transaction that loads stored state: not broadcast, not logged again. */
const LOAD_ORIGIN = Symbol('load');
/**
 * Origin of updates and awareness from other nodes (fan-out or catch-up): broadcast to this
 * node's connections, but not logged (the node that received them logged them) nor published.
 */
export const REMOTE_ORIGIN = Symbol('remote');

/**
 * A compaction rewrites the whole document, so a large one compacts after proportionally more
 * rows (one more `compactAfterUpdates` per this many snapshot bytes, up to 8×): the snapshot
 * bytes written per saved edit stay bounded, and loading still reads a few thousand rows at most.
 */
const SNAPSHOT_BYTES_PER_STEP = 64 * 1024;
const MAX_COMPACTION_STEPS = 8;

/** Remote messages held while the document loads; past this, a catch-up read replaces them. */
const MAX_REMOTE_WHILE_LOADING = 1000;

export type RoomStatus = 'loading' | 'ready' | 'failed' | 'closing' | 'closed';

export interface RoomOptions {
  documentId: string;
  store: UpdateStore;
  log: UpdateLog;
  limits: RoomLimits;
  logger: RoomLogger;
  /** Settles when a previous instance of this document has finished unloading. */
  after?: Promise<unknown>;
  /** The last connection left (the registry decides when to unload). */
  onEmpty?: (room: DocumentRoom) => void;
  /** Every update applied here from a client or the server (for fan-out to other nodes). */
  onUpdate?: (update: Uint8Array, origin: unknown) => void;
  /** Every awareness change from a client of this node (for fan-out to other nodes). */
  onAwareness?: (update: Uint8Array) => void;
  /** Take an automatic version every this many ms of editing (0: never). */
  autoVersionMs?: number;
  onAutoVersion?: (state: Uint8Array) => Promise<void>;
}

export class DocumentRoom {
  readonly documentId: string;
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  /** Settles when the stored state is in memory (or loading failed). */
  readonly loaded: Promise<void>;
  status: RoomStatus = 'loading';
  /** Approximate encoded size of the document, for the size limit. */
  approxBytes = 0;

  private readonly limits: RoomLimits;
  private readonly logger: RoomLogger;
  private readonly awarenessOwners = new Map<number, Connection>();
  /** Log rows found after the snapshot at load time (ids: the document holds them). */
  private loadedRowIds: number[] = [];
  private loadedLogCount = 0;
  private loadedLogBytes = 0;
  /** Bytes of the last snapshot loaded or written. */
  private snapshotBytes = 0;
  /** Log rows committed since the load: id and size, for compaction. */
  private committedRows: { id: number; bytes: number }[] = [];
  private committedBytes = 0;
  private lastUpdateId = 0;
  private compacting: Promise<void> | null = null;
  /** Append promises of the transaction being applied, so its sender can be acknowledged. */
  private collecting: Promise<number>[] | null = null;
  private lastVersionAt = Date.now();
  /** Where the next catch-up read of the log resumes. */
  private cursor: LogCursor = { tx: 0, generation: 0 };
  private catchingUp: Promise<void> | null = null;
  private remoteWhileLoading: { kind: 'update' | 'awareness'; data: Uint8Array }[] = [];
  private catchUpAfterLoad = false;
  /** Broadcasts of this event-loop turn (see outgoing-batch.ts). */
  private readonly outgoing = new OutgoingBatch({
    update: (update, skip) => this.broadcastUpdate(update, skip),
    awareness: (clientIds) => this.broadcastAwareness(clientIds),
  });

  constructor(private readonly options: RoomOptions) {
    this.documentId = options.documentId;
    this.limits = options.limits;
    this.logger = options.logger;
    // The server's own awareness state stays empty; it only relays clients'.
    this.awareness.setLocalState(null);
    this.doc.on('afterTransaction', this.prunePending);
    this.loaded = this.load();
  }

  /**
   * After every transaction (load, clients, other nodes): see pending-structs.ts. What becomes
   * ready is the server's edit (broadcast to all, logged), except while loading or catching up.
   */
  private readonly prunePending = (transaction: Y.Transaction) => {
    const { origin } = transaction;
    dropConflictingPending(
      this.doc,
      origin === LOAD_ORIGIN || origin === REMOTE_ORIGIN ? origin : null,
    );
  };

  private async load() {
    try {
      await this.options.after;
      const stored = await this.options.store.load(this.documentId);
      Y.transact(
        this.doc,
        () => {
          if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
          for (const update of stored.updates) Y.applyUpdate(this.doc, update);
        },
        LOAD_ORIGIN,
      );
      this.lastUpdateId = stored.lastUpdateId;
      this.cursor = stored.cursor;
      this.loadedRowIds = stored.rowIds;
      this.loadedLogCount = stored.logCount;
      this.loadedLogBytes = stored.logBytes;
      this.snapshotBytes = stored.snapshot?.byteLength ?? 0;
      this.approxBytes = (stored.snapshot?.byteLength ?? 0) + stored.logBytes;
    } catch (error) {
      // A document that failed to load must never be taken for an empty one and saved back.
      this.status = 'failed';
      this.logger.error({ err: error, documentId: this.documentId }, 'document failed to load');
      for (const connection of this.connections) connection.close(CloseCode.InternalError);
      this.connections.clear();
      return;
    }
    this.doc.on('update', this.handleDocUpdate);
    this.awareness.on('update', this.handleAwarenessChange);
    this.status = 'ready';
    for (const { kind, data } of this.remoteWhileLoading.splice(0)) {
      if (kind === 'update') this.applyRemoteUpdate(data);
      else this.applyRemoteAwareness(data);
    }
    if (this.catchUpAfterLoad) void this.catchUp();
    for (const connection of this.connections) {
      this.greet(connection);
      const queued = connection.queue.splice(0);
      for (const message of queued) this.handleMessage(connection, message);
    }
  }

  /** An update another node applied (already in the log there): broadcast here, never logged. */
  applyRemoteUpdate(update: Uint8Array) {
    if (this.status === 'loading') return this.holdRemote('update', update);
    if (this.status !== 'ready') return;
    try {
      Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    } catch (error) {
      this.logger.warn(
        { err: error, documentId: this.documentId },
        'remote update failed to apply; catching up from the log',
      );
      void this.catchUp();
    }
  }

  /** Awareness from another node's clients. */
  applyRemoteAwareness(update: Uint8Array) {
    if (this.status === 'loading') return this.holdRemote('awareness', update);
    if (this.status !== 'ready') return;
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
    } catch (error) {
      this.logger.warn(
        { err: error, documentId: this.documentId },
        'remote awareness failed to apply',
      );
    }
  }

  private holdRemote(kind: 'update' | 'awareness', data: Uint8Array) {
    if (this.remoteWhileLoading.length < MAX_REMOTE_WHILE_LOADING)
      this.remoteWhileLoading.push({ kind, data });
    else this.catchUpAfterLoad = true;
  }

  /**
   * Reads what other nodes logged since the last read and merges it: the path that does not
   * depend on pub/sub delivering every message. Applying known content changes nothing, so a
   * stale read can never undo newer edits.
   */
  catchUp(): Promise<void> {
    if (this.status === 'loading') {
      this.catchUpAfterLoad = true;
      return this.loaded;
    }
    if (this.status !== 'ready') return Promise.resolve();
    this.catchingUp ??= (async () => {
      try {
        const delta = await this.options.store.readSince(this.documentId, this.cursor);
        if (this.status !== 'ready') return;
        if (delta.snapshot || delta.updates.length > 0) {
          Y.transact(
            this.doc,
            () => {
              if (delta.snapshot) Y.applyUpdate(this.doc, delta.snapshot);
              for (const update of delta.updates) Y.applyUpdate(this.doc, update);
            },
            REMOTE_ORIGIN,
          );
        }
        this.cursor = delta.cursor;
      } catch (error) {
        this.logger.warn(
          { err: error, documentId: this.documentId },
          'catch-up read failed; will retry',
        );
      } finally {
        this.catchingUp = null;
      }
    })();
    return this.catchingUp;
  }

  /** Log rows and bytes after the snapshot: those found at load plus those committed since. */
  get logCount() {
    return this.loadedLogCount + this.committedRows.length;
  }

  get logBytes() {
    return this.loadedLogBytes + this.committedBytes;
  }

  /** Adds a connection; its messages are queued until the document has loaded. */
  join(options: ConnectionOptions): Connection {
    const connection = new Connection(options, this.limits);
    if (this.status === 'failed' || this.status === 'closing' || this.status === 'closed') {
      connection.close(
        this.status === 'failed' ? CloseCode.InternalError : CloseCode.ServerShuttingDown,
      );
      return connection;
    }
    this.connections.add(connection);
    connection.onClosed = () => this.leave(connection);
    if (this.status === 'ready') this.greet(connection);
    return connection;
  }

  leave(connection: Connection) {
    if (!this.connections.delete(connection)) return;
    connection.closed = true;
    const owned = [...connection.awarenessClients].filter(
      (id) => this.awarenessOwners.get(id) === connection,
    );
    for (const id of owned) this.awarenessOwners.delete(id);
    if (owned.length > 0 && this.status === 'ready') {
      awarenessProtocol.removeAwarenessStates(this.awareness, owned, connection);
    }
    if (this.connections.size === 0) this.options.onEmpty?.(this);
  }

  /** Handles one binary frame from a client. Malformed input closes that connection only. */
  handleMessage(connection: Connection, message: Uint8Array) {
    if (connection.closed) return;
    if (this.status === 'loading') {
      if (connection.queue.length >= this.limits.maxQueuedWhileLoading) {
        connection.close(CloseCode.RateLimited);
      } else {
        connection.queue.push(message);
      }
      return;
    }
    if (this.status !== 'ready') return;
    try {
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      if (type === MessageType.Sync) this.handleSync(connection, decoder);
      else if (type === MessageType.Awareness)
        this.handleAwareness(connection, decoding.readVarUint8Array(decoder));
      else if (type === MessageType.QueryAwareness) this.sendAwarenessStates(connection);
      else throw new Error(`unknown message type ${type}`);
    } catch (error) {
      this.logger.info(
        {
          documentId: this.documentId,
          connection: connection.id,
          err: error instanceof Error ? error.message : String(error),
        },
        'malformed message; closing the connection',
      );
      connection.close(CloseCode.MalformedMessage);
    }
  }

  private handleSync(connection: Connection, decoder: decoding.Decoder) {
    const step = decoding.readVarUint(decoder);
    if (step === SyncStep.Step1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      encoding.writeVarUint(encoder, SyncStep.Step2);
      encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(this.doc, stateVector));
      connection.send(encoding.toUint8Array(encoder), this.limits.maxBufferedBytes);
      return;
    }
    if (step !== SyncStep.Step2 && step !== SyncStep.Update)
      throw new Error(`unknown sync step ${step}`);
    const update = decoding.readVarUint8Array(decoder);
    // Read-only connections see the document live; what they send is never applied or stored.
    if (!connection.canWrite) return;
    const checked = checkUpdate(update);
    if (checked.empty) return;
    if (this.approxBytes + update.byteLength > this.limits.maxDocumentBytes) {
      this.logger.warn(
        { documentId: this.documentId, bytes: this.approxBytes },
        'document size limit reached',
      );
      connection.close(CloseCode.DocumentTooLarge);
      return;
    }
    // Only what the document does not hold yet. Yjs integrates the unknown rest of a struct that
    // overlaps known ids with the parent of its own origin but the left neighbour of the new one:
    // a forged overlap left memory unlike its own encoding (found by fuzzing). Cut here, the rest
    // has an origin every decoder reads the same way. Most updates are new all through.
    const fresh = overlapsHeld(checked, this.doc)
      ? Y.diffUpdate(update, Y.encodeStateVector(this.doc))
      : update;
    const appends = this.applyCollecting(() => Y.applyUpdate(this.doc, fresh, connection));
    // Content waiting for a missing dependency is not in the document yet, so no update event
    // logs it: keep the update so that an acknowledged edit is on disk all the same.
    if (this.doc.store.pendingStructs || this.doc.store.pendingDs) {
      appends.push(this.persist(fresh, connection.wantsAcks));
    }
    if (!connection.wantsAcks) return;
    const committed = appends.length > 0 ? Promise.all(appends) : this.options.log.drained();
    committed.then(
      () => connection.acknowledge(checked.clocks, this.limits.maxBufferedBytes),
      () => {}, // persist() has already closed every connection.
    );
  }

  private handleAwareness(connection: Connection, update: Uint8Array) {
    if (update.byteLength > this.limits.maxAwarenessBytes) {
      this.logger.debug(
        { documentId: this.documentId, bytes: update.byteLength },
        'awareness too large; dropped',
      );
      return;
    }
    if (!connection.allowAwareness()) return;
    const entries = decodeAwarenessUpdate(update);
    const { accepted, dropped } = guardAwareness(entries, connection.identity, (clientId) => {
      const owner = this.awarenessOwners.get(clientId);
      return owner !== undefined && owner !== connection;
    });
    if (dropped > 0) {
      this.logger.info(
        { documentId: this.documentId, connection: connection.id, dropped },
        'awareness entries dropped',
      );
    }
    if (accepted.length === 0) return;
    for (const entry of accepted) {
      // A client back after a drop keeps its clock, but its removal (when its old connection
      // closed) went out with a higher one, so every peer would ignore it until its state renews
      // (up to 30 s). The first state on a new connection is taken past that removal; the echo
      // to the sender moves its own clock along. Later stale frames are dropped as before.
      const known = this.awarenessOwners.has(entry.clientId)
        ? undefined
        : this.awareness.meta.get(entry.clientId);
      if (
        known &&
        entry.state !== null &&
        entry.clock <= known.clock &&
        !connection.awarenessClients.has(entry.clientId) &&
        !this.awareness.states.has(entry.clientId)
      ) {
        entry.clock = known.clock + 1;
      }
      connection.awarenessClients.add(entry.clientId);
      this.awarenessOwners.set(entry.clientId, connection);
    }
    awarenessProtocol.applyAwarenessUpdate(
      this.awareness,
      encodeAwarenessUpdate(accepted),
      connection,
    );
  }

  private greet(connection: Connection) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    encoding.writeVarUint(encoder, SyncStep.Step1);
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(this.doc));
    connection.send(encoding.toUint8Array(encoder), this.limits.maxBufferedBytes);
    if (this.awareness.getStates().size > 0) this.sendAwarenessStates(connection);
  }

  private sendAwarenessStates(connection: Connection) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, [
        ...this.awareness.getStates().keys(),
      ]),
    );
    connection.send(encoding.toUint8Array(encoder), this.limits.maxBufferedBytes);
  }

  private readonly handleDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === LOAD_ORIGIN) return;
    // Broadcast (at the end of this turn) first: other editors never wait for the disk.
    this.outgoing.addUpdate(update, origin);
    if (origin === REMOTE_ORIGIN) {
      this.approxBytes += update.byteLength;
      return;
    }
    this.options.onUpdate?.(update, origin);
    // Only a sender waiting for its saved ack, or the server (a restore), needs the commit soon.
    const appended = this.persist(update, !(origin instanceof Connection) || origin.wantsAcks);
    this.collecting?.push(appended);
    this.maybeTakeAutoVersion();
  };

  private readonly handleAwarenessChange = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    this.outgoing.addAwareness(changed);
    // Changes from this node's clients (and their removal when they leave) go to other nodes;
    // remote ones and local time-outs do not.
    if (origin instanceof Connection) {
      this.options.onAwareness?.(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    }
  };

  private broadcastUpdate(update: Uint8Array, skip: unknown) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    encoding.writeVarUint(encoder, SyncStep.Update);
    encoding.writeVarUint8Array(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const connection of this.connections) {
      if (connection !== skip) connection.send(message, this.limits.maxBufferedBytes);
    }
  }

  private broadcastAwareness(clientIds: number[]) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds),
    );
    const message = encoding.toUint8Array(encoder);
    // Back to the sender too, as the reference server does: a stock client alone in a document
    // hears nothing else, and its provider reconnects after 30 s of silence.
    for (const connection of this.connections)
      connection.send(message, this.limits.maxBufferedBytes);
  }

  /** Sends this turn's pending broadcasts now, before the connections go away. */
  flushBroadcasts() {
    if (this.status === 'ready') this.outgoing.flush();
  }

  /** Runs `apply` and returns the log appends its updates caused. */
  private applyCollecting(apply: () => void): Promise<number>[] {
    this.collecting = [];
    try {
      apply();
      return this.collecting;
    } finally {
      this.collecting = null;
    }
  }

  /** Appends an update to the log. If that fails, the edit is not durable: every client is
   * disconnected and will resend its state when it reconnects to a freshly loaded room. */
  private persist(update: Uint8Array, awaited: boolean): Promise<number> {
    this.approxBytes += update.byteLength;
    const appended = this.options.log.append(this.documentId, update, awaited);
    appended.then(
      (id) => {
        this.lastUpdateId = Math.max(this.lastUpdateId, id);
        this.committedRows.push({ id, bytes: update.byteLength });
        this.committedBytes += update.byteLength;
        this.maybeCompact();
      },
      (error: unknown) => this.failSave(error),
    );
    return appended;
  }

  private failSave(error: unknown) {
    if (this.status !== 'ready') return;
    this.status = 'failed';
    this.outgoing.cancel();
    this.logger.error(
      { err: error, documentId: this.documentId },
      'saving an update failed; disconnecting clients',
    );
    for (const connection of [...this.connections]) connection.close(CloseCode.InternalError);
    this.connections.clear();
    this.options.onEmpty?.(this);
  }

  private maybeCompact() {
    if (this.compacting || this.status !== 'ready') return;
    const steps = Math.min(
      MAX_COMPACTION_STEPS,
      Math.max(1, Math.floor(this.snapshotBytes / SNAPSHOT_BYTES_PER_STEP)),
    );
    if (
      this.logCount < this.limits.compactAfterUpdates * steps &&
      this.logBytes < this.limits.compactAfterBytes
    )
      return;
    this.compacting = this.compact().finally(() => {
      this.compacting = null;
    });
  }

  /** Writes a snapshot of the document covering the committed log, and drops those rows. */
  async compact() {
    const upTo = this.lastUpdateId;
    if (upTo === 0 || this.logCount === 0) return;
    const state = Y.encodeStateAsUpdate(this.doc);
    // Rows applied here are in `state` already; the store reads back only the others.
    const held = {
      generation: this.cursor.generation,
      rowIds: new Set([...this.loadedRowIds, ...this.committedRows.map((row) => row.id)]),
    };
    try {
      const generation = await this.options.store.compact(this.documentId, state, upTo, held);
      // A snapshot that is exactly our state is held here: later compactions need not merge it.
      if (generation !== null && generation > this.cursor.generation) {
        this.cursor = { ...this.cursor, generation };
      }
      this.loadedRowIds = [];
      this.loadedLogCount = 0;
      this.loadedLogBytes = 0;
      this.committedRows = this.committedRows.filter((row) => row.id > upTo);
      this.committedBytes = this.committedRows.reduce((sum, row) => sum + row.bytes, 0);
      this.approxBytes = state.byteLength + this.logBytes;
      this.snapshotBytes = state.byteLength;
    } catch (error) {
      // The log is intact; the next trigger tries again.
      this.logger.error({ err: error, documentId: this.documentId }, 'compaction failed');
    }
  }

  private maybeTakeAutoVersion() {
    const every = this.options.autoVersionMs ?? 0;
    if (!every || !this.options.onAutoVersion || Date.now() - this.lastVersionAt < every) return;
    this.lastVersionAt = Date.now();
    this.options.onAutoVersion(Y.encodeStateAsUpdate(this.doc)).catch((error: unknown) => {
      this.logger.error({ err: error, documentId: this.documentId }, 'automatic version failed');
    });
  }

  /**
   * Applies a server-side change (a restore) as an ordinary edit: broadcast, logged, and
   * resolved once committed.
   */
  async applyServerEdit(change: (doc: Y.Doc) => void, origin: unknown = 'server') {
    await this.loaded;
    if (this.status !== 'ready') throw new Error(`document ${this.documentId} is ${this.status}`);
    const appends = this.applyCollecting(() =>
      Y.transact(this.doc, () => change(this.doc), origin),
    );
    await Promise.all(appends);
  }

  /** Closes every connection with `code`, then unloads (final flush and snapshot). */
  async shutdown(code: CloseCode) {
    this.flushBroadcasts();
    for (const connection of [...this.connections]) {
      connection.close(code);
      this.leave(connection);
    }
    await this.unload();
  }

  /** Saves what is pending, writes a snapshot, and frees the document. */
  async unload() {
    if (this.status === 'closing' || this.status === 'closed') return;
    const wasReady = this.status === 'ready';
    this.status = 'closing';
    await this.loaded;
    try {
      if (wasReady) {
        await this.options.log.drained();
        await this.compacting;
        await this.compact();
      }
    } finally {
      this.status = 'closed';
      this.outgoing.cancel();
      this.awareness.destroy();
      this.doc.destroy();
    }
  }
}
