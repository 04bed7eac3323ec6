// The rooms of this process: one per open document, created on first connection, unloaded after
// an idle time. A document being unloaded is reopened only once its final save is done.
import type { CloseCode } from '@uccn/protocol';
import type { ConnectionOptions } from './connection';
import { DocumentRoom, type RoomOptions } from './room';
import type { RoomLimits, RoomLogger, UpdateStore } from './types';
import type { UpdateLog } from './update-log';

export interface RoomRegistryOptions {
  store: UpdateStore;
  log: UpdateLog;
  limits: RoomLimits;
  logger: RoomLogger;
  autoVersionMs?: number;
  onAutoVersion?: (documentId: string, state: Uint8Array) => Promise<void>;
  onUpdate?: (documentId: string, update: Uint8Array, origin: unknown) => void;
  onAwareness?: (documentId: string, update: Uint8Array) => void;
  /** A room was created (before it loads): subscribe to other nodes' messages for it. */
  onRoomOpened?: (room: DocumentRoom) => void;
  /** A room was unloaded. */
  onRoomClosed?: (room: DocumentRoom) => void;
}

export class RoomRegistry {
  private readonly rooms = new Map<string, DocumentRoom>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly options: RoomRegistryOptions) {}

  get size() {
    return this.rooms.size;
  }

  get(documentId: string): DocumentRoom | undefined {
    return this.rooms.get(documentId);
  }

  all(): IterableIterator<DocumentRoom> {
    return this.rooms.values();
  }

  /** The document's room, loading it if needed. */
  open(documentId: string): DocumentRoom {
    this.cancelIdle(documentId);
    let room = this.rooms.get(documentId);
    if (
      !room ||
      room.status === 'failed' ||
      room.status === 'closing' ||
      room.status === 'closed'
    ) {
      const roomOptions: RoomOptions = {
        documentId,
        store: this.options.store,
        log: this.options.log,
        limits: this.options.limits,
        logger: this.options.logger,
        after: this.unloading.get(documentId),
        onEmpty: (empty) => this.scheduleIdle(empty),
        autoVersionMs: this.options.autoVersionMs,
        onAutoVersion: this.options.onAutoVersion
          ? (state) => this.options.onAutoVersion?.(documentId, state) ?? Promise.resolve()
          : undefined,
        onUpdate: this.options.onUpdate
          ? (update, origin) => this.options.onUpdate?.(documentId, update, origin)
          : undefined,
        onAwareness: this.options.onAwareness
          ? (update) => this.options.onAwareness?.(documentId, update)
          : undefined,
      };
      room = new DocumentRoom(roomOptions);
      this.rooms.set(documentId, room);
      this.options.onRoomOpened?.(room);
    }
    return room;
  }

  /** Opens the document's room and adds a connection to it; safe to call before it loads. */
  connect(documentId: string, connection: ConnectionOptions) {
    const room = this.open(documentId);
    return { room, connection: room.join(connection) };
  }

  /** A room opened without connections (by the HTTP API) is unloaded after the idle time. */
  releaseIdle(room: DocumentRoom) {
    if (room.connections.size === 0) this.scheduleIdle(room);
  }

  /** A room that failed, or whose last connection left, is unloaded after the idle time. */
  private scheduleIdle(room: DocumentRoom) {
    this.cancelIdle(room.documentId);
    const delay = room.status === 'failed' ? 0 : this.options.limits.idleUnloadMs;
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.documentId);
      if (room.connections.size === 0 && this.rooms.get(room.documentId) === room)
        void this.unload(room);
    }, delay);
    timer.unref();
    this.idleTimers.set(room.documentId, timer);
  }

  private cancelIdle(documentId: string) {
    const timer = this.idleTimers.get(documentId);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(documentId);
  }

  async unload(room: DocumentRoom) {
    if (this.rooms.get(room.documentId) === room) this.rooms.delete(room.documentId);
    const previous = this.unloading.get(room.documentId);
    const done = (async () => {
      await previous;
      try {
        await room.unload();
      } catch (error) {
        this.options.logger.error({ err: error, documentId: room.documentId }, 'unloading failed');
      } finally {
        this.options.onRoomClosed?.(room);
      }
    })();
    this.unloading.set(room.documentId, done);
    await done;
    if (this.unloading.get(room.documentId) === done) this.unloading.delete(room.documentId);
  }

  /** Closes every connection with `code` and unloads every room (final flush and snapshot). */
  async shutdown(code: CloseCode) {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    await Promise.all(rooms.map((room) => room.shutdown(code)));
    await Promise.all(this.unloading.values());
  }
}
