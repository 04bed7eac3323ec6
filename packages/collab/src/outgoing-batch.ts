// What a document sends to its connections, gathered for one event-loop turn. Under light load
// the first change of a turn in each document goes out at once, so nothing waits and documents
// never wait for each other; the changes of that document after it leave at the turn's end, the
// updates merged into one and awareness as the latest state of each changed client. Once turns
// fill up (many changes read in one poll: the server is busy), every change waits for the turn's
// end, so that each document sends at most one frame per connection a turn: each frame costs a
// system call that wakes the receiver, and those dominate at saturation.
import * as Y from 'yjs';

/** No single origin: updates from several connections (or the server) share the batch. */
const MIXED = Symbol('mixed');

/** Past this many pending update bytes the batch leaves at once instead of at the turn's end. */
export const MAX_BATCH_BYTES = 256 * 1024;

/**
 * A turn with this many changes (over every document) means reads are piling up: the next turn
 * batches everything. Light load (a thousand edits a second over many documents) mostly sees one
 * a turn. Measured in bench/ (saturation): 16 held 2,500 edits/s, 4 held 3,500, with the same
 * latency under light load.
 */
export const BUSY_TURN_CHANGES = 4;

/** Event-loop turns so far, counted while changes happen (one timer a turn, not one a document). */
let turn = 0;
let changesThisTurn = 0;
let busy = false;

/** The number of the current event-loop turn; counts one change in it. */
function countChange(): number {
  if (changesThisTurn === 0) {
    // Scheduled before any batch of this turn, so it runs before their flushes.
    setImmediate(() => {
      busy = changesThisTurn >= BUSY_TURN_CHANGES;
      changesThisTurn = 0;
      turn += 1;
    });
  }
  changesThisTurn += 1;
  return turn;
}

export interface BatchSink {
  /**
   * One update to every connection except `skip` (the origin of every update in it, if they
   * share one: a client is not sent its own edit back; a merged update that holds edits of
   * several connections goes to all, and applying one's own edit again changes nothing).
   */
  update(update: Uint8Array, skip: unknown): void;
  /** The current awareness of these client ids, to every connection. */
  awareness(clientIds: number[]): void;
}

export class OutgoingBatch {
  private updates: Uint8Array[] = [];
  private bytes = 0;
  private origin: unknown = MIXED;
  private readonly awarenessClients = new Set<number>();
  private scheduled: ReturnType<typeof setImmediate> | null = null;
  /** The turn in which this document last sent a change at once. */
  private sentInTurn = -1;

  constructor(private readonly sink: BatchSink) {}

  get pending() {
    return this.updates.length > 0 || this.awarenessClients.size > 0;
  }

  addUpdate(update: Uint8Array, origin: unknown) {
    if (this.firstOfTurn()) {
      this.sink.update(update, origin);
      return;
    }
    this.origin = this.updates.length === 0 || this.origin === origin ? origin : MIXED;
    this.updates.push(update);
    this.bytes += update.byteLength;
    if (this.bytes >= MAX_BATCH_BYTES) this.flush();
    else this.schedule();
  }

  addAwareness(clientIds: number[]) {
    if (this.firstOfTurn()) {
      this.sink.awareness(clientIds);
      return;
    }
    for (const id of clientIds) this.awarenessClients.add(id);
    this.schedule();
  }

  /** Sends what is pending now: updates first, so carets never point at text not yet sent. */
  flush() {
    if (this.scheduled) {
      clearImmediate(this.scheduled);
      this.scheduled = null;
    }
    if (this.updates.length > 0) {
      const updates = this.updates;
      const origin = this.origin;
      this.updates = [];
      this.bytes = 0;
      this.origin = MIXED;
      const [first] = updates;
      const update = updates.length === 1 && first ? first : Y.mergeUpdates(updates);
      this.sink.update(update, origin === MIXED ? null : origin);
    }
    if (this.awarenessClients.size > 0) {
      const clientIds = [...this.awarenessClients];
      this.awarenessClients.clear();
      this.sink.awareness(clientIds);
    }
  }

  /** Drops what is pending (the document is going away). */
  cancel() {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    this.updates = [];
    this.bytes = 0;
    this.origin = MIXED;
    this.awarenessClients.clear();
  }

  /** Whether this change is sent at once: the document's first of the turn, on a server not busy. */
  private firstOfTurn(): boolean {
    const now = countChange();
    if (busy || this.sentInTurn === now || this.pending) return false;
    this.sentInTurn = now;
    return true;
  }

  private schedule() {
    // setImmediate runs after the poll phase: every socket read of this turn joins the batch,
    // and nothing waits longer than the turn it arrived in.
    this.scheduled ??= setImmediate(() => {
      this.scheduled = null;
      this.flush();
    });
  }
}
