import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type FanoutBus, InProcessBus } from './bus';
import { RedisBus } from './redis-bus';
import { isRedisReachable, TEST_REDIS_URL } from './testing';

const waitFor = async (check: () => boolean, timeoutMs = 2000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

type BusPair = () => Promise<[FanoutBus, FanoutBus]>;

const shapes: [string, BusPair][] = [
  [
    'in-process',
    async () => {
      const bus = new InProcessBus();
      return [bus, bus];
    },
  ],
];
if (await isRedisReachable()) {
  const prefix = `test:${randomUUID()}:`;
  shapes.push([
    'redis, two nodes',
    async () => [
      await RedisBus.connect({ url: TEST_REDIS_URL, prefix }),
      await RedisBus.connect({ url: TEST_REDIS_URL, prefix }),
    ],
  ]);
}

describe.each(shapes)('fan-out bus (%s)', (_name, makePair) => {
  it('delivers bytes to every subscriber of the channel, and only of that channel', async () => {
    const [a, b] = await makePair();
    const onB: number[][] = [];
    const other: number[][] = [];
    await b.subscribe('doc:1', (message) => onB.push([...message]));
    await b.subscribe('doc:2', (message) => other.push([...message]));
    await a.publish('doc:1', new Uint8Array([1, 2, 255]));
    await waitFor(() => onB.length === 1);
    expect(onB).toEqual([[1, 2, 255]]);
    expect(other).toEqual([]);
    await Promise.all([a.close(), b.close()]);
  });

  it('stops delivering after unsubscribe', async () => {
    const [a, b] = await makePair();
    const seen: number[] = [];
    const stop = await b.subscribe('room', (message) => seen.push(message[0] ?? -1));
    await a.publish('room', new Uint8Array([7]));
    await waitFor(() => seen.length === 1);
    await stop();
    await a.publish('room', new Uint8Array([8]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual([7]);
    await Promise.all([a.close(), b.close()]);
  });
});
