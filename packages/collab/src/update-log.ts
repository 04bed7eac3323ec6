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
  /**
   * The window when nobody waits for the commit: no sender asked for saved acks (a stock client
   * cannot see them, and resends its state when it reconnects). Fewer commits leave the CPU to
   * broadcasts. Defaults to `commitWindowMs`; an update that someone waits for brings the commit
   * forward to its own window.
   */
  relaxedCommitWindowMs?: number;
  /** Called after each commit, e.g. for metrics. */
  onCommit?: (rows: number, bytes: number, ms: number) => void;
}

/** A commit waiting for its window to close. */
interface Scheduled {
  done: Promise<void>;
  deadline: number;
  start(): void;
  /** Stops the pending timer (each kind of timer must be cleared by its own function). */
  cancel(): void;
}

export class UpdateLog {
  private queue: Pending[] = [];
  private scheduled: Scheduled | null = null;
  private committing: Promise<void> | null = null;
  private readonly maxBatchRows: number;
  private readonly commitWindowMs: number;
  private readonly relaxedCommitWindowMs: number;

  constructor(
    private readonly store: UpdateStore,
    private readonly options: UpdateLogOptions = {},
  ) {
    this.maxBatchRows = options.maxBatchRows ?? 1000;
    this.commitWindowMs = options.commitWindowMs ?? 0;
    this.relaxedCommitWindowMs = Math.max(
      this.commitWindowMs,
      options.relaxedCommitWindowMs ?? this.commitWindowMs,
    );
  }

  /**
   * Queues one update; resolves with its log id once it is committed. `awaited`: someone waits
   * for this commit (a saved ack, a restore), so it uses the short window.
   */
  append(documentId: string, update: Uint8Array, awaited = true): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ documentId, update, resolve, reject });
      this.scheduleFlush(awaited ? this.commitWindowMs : this.relaxedCommitWindowMs);
    });
  }

  /** Resolves once everything queued before this call is committed (or has failed). */
  async drained(): Promise<void> {
    while (this.scheduled || this.committing || this.queue.length > 0) {
      this.scheduleFlush(this.commitWindowMs);
      await (this.scheduled?.done ?? this.committing);
    }
  }

  get queued() {
    return this.queue.length;
  }

  /** Commits once `wait` ms have passed, or sooner if an earlier commit is already due. */
  private scheduleFlush(wait: number) {
    // A commit in flight takes whatever is queued when it is done, without a new window.
    if (this.committing || this.queue.length === 0) return;
    const deadline = performance.now() + wait;
    const scheduled = this.scheduled;
    if (scheduled) {
      if (deadline >= scheduled.deadline) return;
      scheduled.cancel();
      scheduled.deadline = deadline;
      scheduled.cancel = this.timer(wait, scheduled.start);
      return;
    }
    let start = () => {};
    const done = new Promise<void>((resolve) => {
      start = resolve;
    }).then(() => {
      this.scheduled = null;
      this.committing = this.flush();
      return this.committing;
    });
    this.scheduled = { done, deadline, start, cancel: this.timer(wait, start) };
  }

  /** Let the updates of this event-loop turn, or of the window, join the batch. */
  private timer(wait: number, callback: () => void): () => void {
    if (wait > 0) {
      const timeout = setTimeout(callback, wait);
      return () => clearTimeout(timeout);
    }
    const immediate = setImmediate(callback);
    return () => clearImmediate(immediate);
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
      this.committing = null;
    }
  }
}
