import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import { InProcessPresence, type PresenceEntry, type PresenceStore } from './presence';
import { RedisPresence } from './redis-presence';
import { isRedisReachable, TEST_REDIS_URL } from './testing';

const entry = (connectionId: string, node: string): PresenceEntry => ({
  connectionId,
  userId: `user-${connectionId}`,
  name: 'Ana',
  cityId: 1,
  citySlug: 'popayan',
  cityName: 'Popayán',
  kind: 'document',
  targetId: 'doc-1',
  node,
  since: new Date().toISOString(),
});

const redis = await isRedisReachable();
const opened: PresenceStore[] = [];
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
});

const shapes: [string, () => Promise<[PresenceStore, PresenceStore]>][] = [
  [
    'in-process',
    async () => {
      const store = new InProcessPresence();
      return [store, store];
    },
  ],
];
const prefix = `test:${randomUUID()}:`;
if (redis) {
  shapes.push([
    'redis, two nodes',
    async () => {
      const a = await RedisPresence.connect({
        url: TEST_REDIS_URL,
        nodeId: 'a',
        prefix,
        heartbeatMs: 200,
      });
      const b = await RedisPresence.connect({
        url: TEST_REDIS_URL,
        nodeId: 'b',
        prefix,
        heartbeatMs: 200,
      });
      opened.push(a, b);
      return [a, b];
    },
  ]);
}

describe.each(shapes)('presence (%s)', (_name, make) => {
  it('lists the connections of every node, and forgets the ones that leave', async () => {
    const [a, b] = await make();
    await a.add(entry('a-1', 'a'));
    await b.add(entry('b-1', 'b'));
    expect((await a.list()).map((each) => each.connectionId).sort()).toEqual(['a-1', 'b-1']);
    await b.remove('b-1');
    expect((await a.list()).map((each) => each.connectionId)).toEqual(['a-1']);
    await a.remove('a-1');
  });
});

describe.runIf(redis)('presence in Redis when a node dies', () => {
  it("drops a silent node's people within seconds, and keeps a live node's past the TTL", async () => {
    const live = await RedisPresence.connect({
      url: TEST_REDIS_URL,
      nodeId: 'live',
      prefix: `${prefix}x:`,
      heartbeatMs: 200,
    });
    opened.push(live);
    await live.add(entry('live-1', 'live'));
    // A node that died: its key is there, but nobody renews it.
    const raw = createClient({ url: TEST_REDIS_URL });
    await raw.connect();
    await raw.hSet(`${prefix}x:presence:dead`, 'dead-1', JSON.stringify(entry('dead-1', 'dead')));
    await raw.pExpire(`${prefix}x:presence:dead`, 600);
    expect((await live.list()).map((each) => each.connectionId).sort()).toEqual([
      'dead-1',
      'live-1',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((await live.list()).map((each) => each.connectionId)).toEqual(['live-1']);
    await raw.quit();
  });
});
