// Types shared by the collaboration room, its connections and its storage.

/** The smallest socket a room needs: `ws` fits it, and so does an in-memory test socket. */
export interface CollabSocket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Bytes queued but not yet written to the network. */
  readonly bufferedAmount: number;
}

export type DocumentAccess = 'write' | 'read';

/** Who is behind a connection, as the server established it; the client cannot change it. */
export interface ConnectionIdentity {
  userId: string;
  name: string;
  cityName: string | null;
  citySlug: string | null;
  /** Display colour for carets, chosen by the server. */
  color: string;
}

/**
 * Where a reader of a document's log resumes: the oldest transaction that may still have been
 * running at its last read (so nothing that commits later is skipped), and the snapshot
 * generation it has merged.
 */
export interface LogCursor {
  tx: number;
  generation: number;
}

/** What a catch-up read returns: rows (and a newer snapshot) since a cursor, and the next cursor. */
export interface LogDelta {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  cursor: LogCursor;
}

/** What storage gives back to load a document: latest snapshot, then the log after it. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Id of the last log row read (0 when none); compaction covers rows up to such an id. */
  lastUpdateId: number;
  /** Ids of the log rows in `updates`, in order. */
  rowIds: number[];
  /** Log rows and bytes after the snapshot, to decide when to compact. */
  logCount: number;
  logBytes: number;
  /** Where a later catch-up read resumes. */
  cursor: LogCursor;
}

/**
 * What the state handed to a compaction is known to hold already: the snapshot generation it
 * was built on and the log rows applied to it. The store then merges in only what is not in it
 * (rows of other nodes that pub/sub may have missed, a snapshot another node wrote), so a node
 * alone never reads its own log back to compact it.
 */
export interface HeldContent {
  generation: number;
  rowIds: ReadonlySet<number>;
}

export interface UpdateRow {
  documentId: string;
  update: Uint8Array;
}

/** Durable storage of documents: an append-only update log plus compacted snapshots. */
export interface UpdateStore {
  load(documentId: string): Promise<StoredDocument>;
  /** Appends the rows in one transaction; resolves with their ids, in order, once committed. */
  append(rows: UpdateRow[]): Promise<number[]>;
  /**
   * Atomically writes a snapshot that covers every log row of the document up to `upToId` and
   * deletes those rows. `state` is merged with the covered rows and the previous snapshot unless
   * `held` says it holds them, so nothing is lost even if the caller had not seen them all.
   * Resolves with the new snapshot's generation when the snapshot written is exactly `state`
   * (the caller then holds it), or null when more was merged in or nothing was written.
   */
  compact(
    documentId: string,
    state: Uint8Array,
    upToId: number,
    held?: HeldContent,
  ): Promise<number | null>;
  /**
   * What other writers (other nodes) added since `cursor`. May return rows the caller has
   * already seen — applying an update twice changes nothing — but never skips one.
   */
  readSince(documentId: string, cursor: LogCursor): Promise<LogDelta>;
}

/** Every limit of a room, with defaults in `DEFAULT_LIMITS`. */
export interface RoomLimits {
  /** Largest document (approximate encoded bytes) an update may produce. */
  maxDocumentBytes: number;
  /** Largest awareness message, in bytes. */
  maxAwarenessBytes: number;
  /** Awareness messages per second per connection (a burst of twice that is allowed). */
  awarenessPerSecond: number;
  /** Messages held per connection while the document loads; more closes the connection. */
  maxQueuedWhileLoading: number;
  /** A connection whose unsent bytes pass this is dropped as a slow consumer. */
  maxBufferedBytes: number;
  /** Compact when the log after the snapshot has this many rows… */
  compactAfterUpdates: number;
  /** …or this many bytes. */
  compactAfterBytes: number;
  /** Unload a document this long after its last connection left. */
  idleUnloadMs: number;
}

export const DEFAULT_LIMITS: RoomLimits = {
  maxDocumentBytes: 16 * 1024 * 1024,
  maxAwarenessBytes: 8 * 1024,
  awarenessPerSecond: 30,
  maxQueuedWhileLoading: 256,
  maxBufferedBytes: 8 * 1024 * 1024,
  compactAfterUpdates: 500,
  compactAfterBytes: 1024 * 1024,
  idleUnloadMs: 30_000,
};

/** Structured log calls the room makes; pino fits it. */
export interface RoomLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}
