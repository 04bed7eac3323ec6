// Messages on their way: shown at once as pending, posted with a key of their own so that a
// retry, or a resend after a drop, never stores them twice; kept while offline and sent when
// the connection returns. A small store for useSyncExternalStore, alive as long as the app.
import type { ThreadMessage } from '@uccn/protocol';
import { compareIds } from './cache';

export type PendingStatus = 'sending' | 'waiting' | 'failed';

export interface PendingMessage {
  /** The idempotency key: the same for every attempt of this message. */
  key: string;
  channelId: string;
  topicId: string;
  body: string;
  status: PendingStatus;
  /** Why the last attempt failed (a code for `errors.*`), when it did. */
  error: { code: string; retryAfter?: number | undefined } | null;
  /** The newest stored message of the topic when this one was written. */
  afterId: string | null;
}

/** Sends one message; rejects with an error that has a `code`. */
export type PostMessage = (pending: PendingMessage) => Promise<ThreadMessage>;

/**
 * The pending messages of a topic that have no stored copy yet. The copy can arrive by the
 * channel's live event before the acknowledgement: a message of mine with the same text, newer
 * than what the topic held when I wrote it, is that copy, so it is never shown twice.
 */
export function pendingToShow(
  pending: PendingMessage[],
  topicId: string,
  stored: ThreadMessage[],
  myUserId: string | undefined,
): PendingMessage[] {
  const mine = stored.filter((message) => message.author?.id === myUserId);
  const claimed = new Set<string>();
  return pending.filter((item) => {
    if (item.topicId !== topicId) return false;
    const copy = mine.find(
      (message) =>
        !claimed.has(message.id) &&
        message.body === item.body &&
        (item.afterId === null || compareIds(message.id, item.afterId) > 0),
    );
    if (!copy) return true;
    claimed.add(copy.id);
    return false;
  });
}

/** Whether a failure means "try again when connected" rather than "tell the user". */
function isConnectionFailure(error: unknown, connected: boolean): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'offline' || (code === 'timeout' && !connected);
}

export class Outbox {
  private items: PendingMessage[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly post: PostMessage,
    private readonly isConnected: () => boolean,
    private readonly onStored: (message: ThreadMessage) => void,
  ) {}

  /** Shows the message at once and sends it now, or as soon as the connection is back. */
  send(input: { channelId: string; topicId: string; body: string; afterId: string | null }): void {
    const item: PendingMessage = {
      ...input,
      key: crypto.randomUUID(),
      status: 'waiting',
      error: null,
    };
    this.items = [...this.items, item];
    this.notify();
    if (this.isConnected()) void this.dispatch(item.key);
  }

  /** Sends a failed message again, with the same key. */
  retry(key: string): void {
    this.update(key, { status: 'waiting', error: null });
    if (this.isConnected()) void this.dispatch(key);
  }

  discard(key: string): void {
    this.items = this.items.filter((item) => item.key !== key);
    this.notify();
  }

  /** Forgets everything: another user is signing in on this page. */
  clear(): void {
    this.items = [];
    this.notify();
  }

  /** On (re)connect: sends what waited, in the order it was written. */
  flush(): void {
    for (const item of this.items) if (item.status === 'waiting') void this.dispatch(item.key);
  }

  getSnapshot = (): PendingMessage[] => this.items;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private async dispatch(key: string) {
    const item = this.items.find((candidate) => candidate.key === key);
    if (!item || item.status === 'sending') return;
    this.update(key, { status: 'sending', error: null });
    try {
      const message = await this.post(item);
      this.onStored(message);
      this.discard(key);
    } catch (error) {
      if (isConnectionFailure(error, this.isConnected())) {
        this.update(key, { status: 'waiting' });
        // The connection came back while this attempt was failing: go again now.
        if (this.isConnected()) void this.dispatch(key);
        return;
      }
      const { code, retryAfter } = error as { code?: unknown; retryAfter?: number };
      this.update(key, {
        status: 'failed',
        error: { code: typeof code === 'string' ? code : 'unknown', retryAfter },
      });
    }
  }

  private update(key: string, change: Partial<PendingMessage>) {
    this.items = this.items.map((item) => (item.key === key ? { ...item, ...change } : item));
    this.notify();
  }

  private notify() {
    for (const listener of this.listeners) listener();
  }
}
