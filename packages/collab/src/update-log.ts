// Group commit: updates arriving within a few ms of each other (the window of the oldest) share
// one statement, so that hundreds of editors cost a few transactions a second, not hundreds.
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
  /** When the oldest queued update's window closes (performance.now() ms; Infinity: none). */
  private queueDue = Number.POSITIVE_INFINITY;
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
      this.due(awaited ? this.commitWindowMs : this.relaxedCommitWindowMs);
    });
  }

  /** Resolves once everything queued before this call is committed (or has failed). */
  async drained(): Promise<void> {
    while (this.scheduled || this.committing || this.queue.length > 0) {
      this.due(this.commitWindowMs);
      await (this.scheduled?.done ?? this.committing);
    }
  }

  get queued() {
    return this.queue.length;
  }

  /** The queue must be committed within `wait` ms from now. */
  private due(wait: number) {
    this.queueDue = Math.min(this.queueDue, performance.now() + wait);
    this.schedule();
  }

  /**
   * Starts a timer for the commit of the queue, due when the window of its oldest update closes.
   * Updates that arrive while a commit is in flight wait for their own window too (the commit
   * reschedules when it ends): back-to-back commits would spend the CPU the window saves.
   */
  private schedule() {
    if (this.committing || this.queue.length === 0) return;
    const deadline = this.queueDue;
    const wait = Math.max(0, deadline - performance.now());
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
      do {
        const batch = this.queue.splice(0, this.maxBatchRows);
        // What is left (past maxBatchRows) was due already and goes next, without a window.
        if (this.queue.length === 0) this.queueDue = Number.POSITIVE_INFINITY;
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
      } while (this.queue.length > 0 && this.queueDue <= performance.now());
    } finally {
      this.committing = null;
      this.schedule();
    }
  }
}
