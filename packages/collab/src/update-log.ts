// Group commit: updates arriving within a few ms of each other, or while a commit is in flight,
// share one statement, so that hundreds of editors cost a few transactions a second, not hundreds.
import type { UpdateRow, UpdateStore } from './types';

interface Pending extends UpdateRow {
  resolve(id: number): void;
  reject(error: unknown): void;
}

export interface UpdateLogOptions {
  /** Most rows in one transaction; a larger queue is committed in several. */
  maxBatchRows?: number;
  /**
   * How long the first update of a batch waits for others before the commit, in ms. Every commit
   * costs a round trip and CPU here and in the database whatever its size: a few ms divide that
   * by the updates of the window, and delay only saved acks, never broadcasts. 0: commit after
   * the current event-loop turn.
   */
  commitWindowMs?: number;
  /** Called after each commit, e.g. for metrics. */
  onCommit?: (rows: number, bytes: number, ms: number) => void;
}

export class UpdateLog {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private readonly maxBatchRows: number;
  private readonly commitWindowMs: number;

  constructor(
    private readonly store: UpdateStore,
    private readonly options: UpdateLogOptions = {},
  ) {
    this.maxBatchRows = options.maxBatchRows ?? 1000;
    this.commitWindowMs = options.commitWindowMs ?? 0;
  }

  /** Queues one update; resolves with its log id once it is committed. */
  append(documentId: string, update: Uint8Array): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ documentId, update, resolve, reject });
      this.scheduleFlush();
    });
  }

  /** Resolves once everything queued before this call is committed (or has failed). */
  async drained(): Promise<void> {
    while (this.flushing || this.queue.length > 0) {
      this.scheduleFlush();
      await this.flushing;
    }
  }

  get queued() {
    return this.queue.length;
  }

  private scheduleFlush() {
    if (this.flushing) return;
    // Let the updates of this event-loop turn, or of the window, join the batch, then commit.
    const wait = this.commitWindowMs;
    this.flushing = new Promise<void>((resolve) => {
      if (wait > 0) setTimeout(resolve, wait);
      else setImmediate(resolve);
    }).then(() => this.flush());
  }

  private async flush() {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatchRows);
        const started = performance.now();
        try {
          const ids = await this.store.append(
            batch.map(({ documentId, update }) => ({ documentId, update })),
          );
          for (const [index, entry] of batch.entries()) entry.resolve(ids[index] ?? 0);
          this.options.onCommit?.(
            batch.length,
            batch.reduce((sum, entry) => sum + entry.update.byteLength, 0),
            performance.now() - started,
          );
        } catch (error) {
          for (const entry of batch) entry.reject(error);
        }
      }
    } finally {
      this.flushing = null;
    }
  }
}
