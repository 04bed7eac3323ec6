// UpdateLog: group commit, spacing of commits under load, ids and failures.
import { describe, expect, it } from 'vitest';
import { MemoryUpdateStore } from './stores/memory-store';
import { UpdateLog } from './update-log';

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
