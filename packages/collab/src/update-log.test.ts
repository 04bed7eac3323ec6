// UpdateLog: group commit, spacing of commits under load, ids and failures.
import { describe, expect, it } from 'vitest';
import { MemoryUpdateStore } from './stores/memory-store';
import type { UpdateRow } from './types';
import { UpdateLog } from './update-log';

/** A store whose commits take `ms`, like a round trip to a busy database. */
class SlowStore extends MemoryUpdateStore {
  constructor(private readonly ms: number) {
    super();
  }

  commitsStarted = 0;

  override async append(rows: UpdateRow[]) {
    this.commitsStarted += 1;
    await new Promise((resolve) => setTimeout(resolve, this.ms));
    return super.append(rows);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const bytes = (value: number) => new Uint8Array([value]);

describe('UpdateLog', () => {
  it('commits the updates of one event-loop turn together, with their ids in order', async () => {
    const store = new MemoryUpdateStore();
    const log = new UpdateLog(store);
    const ids = await Promise.all([1, 2, 3].map((value) => log.append('doc', bytes(value))));
    expect(ids).toEqual([1, 2, 3]);
    expect(store.appendCalls).toBe(1);
  });

  it('lets updates arriving within the commit window share one commit', async () => {
    const store = new MemoryUpdateStore();
    const log = new UpdateLog(store, { commitWindowMs: 50 });
    const started = performance.now();
    const first = log.append('doc', bytes(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const second = log.append('doc', bytes(2));
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(store.appendCalls).toBe(1);
  });

  it('commits what nobody waits for after the relaxed window, sooner once someone waits', async () => {
    const store = new MemoryUpdateStore();
    const log = new UpdateLog(store, { commitWindowMs: 5, relaxedCommitWindowMs: 200 });
    const started = performance.now();
    const unawaited = log.append('doc', bytes(1), false);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(store.appendCalls).toBe(0);
    // A sender waiting for its saved ack brings the commit forward, for both updates.
    const awaited = log.append('doc', bytes(2), true);
    expect(await Promise.all([unawaited, awaited])).toEqual([1, 2]);
    expect(performance.now() - started).toBeLessThan(150);
    expect(store.appendCalls).toBe(1);

    const alone = performance.now();
    await log.append('doc', bytes(3), false);
    expect(performance.now() - alone).toBeGreaterThanOrEqual(190);
    await log.drained();
  });

  it('gives updates that arrive during a commit their own window, not the next commit at once', async () => {
    const store = new SlowStore(40);
    const log = new UpdateLog(store, { commitWindowMs: 5, relaxedCommitWindowMs: 100 });
    const started = performance.now();
    const first = log.append('doc', bytes(1), false);
    await sleep(110); // the first commit is in flight (100 ms window, 40 ms commit)
    expect(store.commitsStarted).toBe(1);
    const second = log.append('doc', bytes(2), false);
    expect(await first).toBe(1);
    await sleep(30);
    // Without its own window this would have been committed right after the first.
    expect(store.commitsStarted).toBe(1);
    expect(await second).toBe(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110 + 95 + 40);
    expect(store.commitsStarted).toBe(2);

    // An update someone waits for, arriving during a commit, goes as soon as that commit ends.
    const third = log.append('doc', bytes(3), false);
    await sleep(105);
    const awaitedAt = performance.now();
    const fourth = log.append('doc', bytes(4), true);
    expect(await Promise.all([third, fourth])).toEqual([3, 4]);
    expect(performance.now() - awaitedAt).toBeLessThan(40 + 40);
    expect(store.commitsStarted).toBe(4);
    await log.drained();
  });

  it('rejects the updates of a failed commit, and drained() settles', async () => {
    const store = new MemoryUpdateStore();
    const log = new UpdateLog(store);
    await log.drained();
    store.failNext.append = new Error('disk full');
    const failed = log.append('doc', bytes(1));
    await expect(failed).rejects.toThrow('disk full');
    await log.drained();
    expect(await log.append('doc', bytes(2))).toBe(1);
  });
});
