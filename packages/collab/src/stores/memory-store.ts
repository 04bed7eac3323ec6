// An UpdateStore in memory, for tests of rooms without a database. Behaves like the real one.
import * as Y from 'yjs';
import { mergeOver } from '../pending-structs';
import type {
  HeldContent,
  LogCursor,
  LogDelta,
  StoredDocument,
  UpdateRow,
  UpdateStore,
} from '../types';

interface MemoryDocument {
  snapshot: Uint8Array | null;
  generation: number;
  log: { id: number; update: Uint8Array }[];
}

export class MemoryUpdateStore implements UpdateStore {
  private readonly documents = new Map<string, MemoryDocument>();
  private nextId = 1;
  /** Set to make the next calls fail, to test error paths. */
  failNext: { load?: Error; append?: Error } = {};
  appendCalls = 0;

  private document(id: string) {
    let document = this.documents.get(id);
    if (!document) {
      document = { snapshot: null, generation: 0, log: [] };
      this.documents.set(id, document);
    }
    return document;
  }

  async load(documentId: string): Promise<StoredDocument> {
    if (this.failNext.load) {
      const error = this.failNext.load;
      this.failNext.load = undefined;
      throw error;
    }
    const document = this.document(documentId);
    return {
      snapshot: document.snapshot,
      updates: document.log.map((row) => row.update),
      rowIds: document.log.map((row) => row.id),
      lastUpdateId: document.log.at(-1)?.id ?? 0,
      logCount: document.log.length,
      logBytes: document.log.reduce((sum, row) => sum + row.update.byteLength, 0),
      cursor: { tx: this.nextId, generation: document.generation },
    };
  }

  /** In memory every append is committed at once, so the next id is a safe cursor. */
  async readSince(documentId: string, cursor: LogCursor): Promise<LogDelta> {
    const document = this.document(documentId);
    return {
      snapshot: document.generation > cursor.generation ? document.snapshot : null,
      updates: document.log.filter((row) => row.id >= cursor.tx).map((row) => row.update),
      cursor: { tx: this.nextId, generation: document.generation },
    };
  }

  async append(rows: UpdateRow[]): Promise<number[]> {
    this.appendCalls += 1;
    if (this.failNext.append) {
      const error = this.failNext.append;
      this.failNext.append = undefined;
      throw error;
    }
    return rows.map((row) => {
      const id = this.nextId++;
      this.document(row.documentId).log.push({ id, update: row.update.slice() });
      return id;
    });
  }

  /** Compactions that had to merge something `held` did not cover (for tests). */
  mergingCompactions = 0;

  async compact(documentId: string, state: Uint8Array, upToId: number, held?: HeldContent) {
    const document = this.document(documentId);
    const foreign = document.log
      .filter((row) => row.id <= upToId && !held?.rowIds.has(row.id))
      .map((row) => row.update);
    const previous =
      document.snapshot && !(held && document.generation <= held.generation)
        ? [document.snapshot]
        : [];
    const exact = foreign.length === 0 && previous.length === 0;
    if (!exact) this.mergingCompactions += 1;
    document.snapshot = exact ? state.slice() : mergeOver(state, [...previous, ...foreign]);
    document.log = document.log.filter((row) => row.id > upToId);
    document.generation += 1;
    return exact ? document.generation : null;
  }

  /** The stored state of a document, as one update (for assertions). */
  stateOf(documentId: string): Uint8Array {
    const document = this.document(documentId);
    return Y.mergeUpdates([
      ...(document.snapshot ? [document.snapshot] : []),
      ...document.log.map((row) => row.update),
    ]);
  }
}
