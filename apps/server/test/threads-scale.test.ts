// Threads across two nodes on one Postgres and one Redis: messages, typing, presence and
// notifications cross through the socket.io streams adapter, and a client that drops on one
// node recovers what the other node said meanwhile, with no duplicate.
import { randomUUID } from 'node:crypto';
import { isPostgresReachable } from '@uccn/db/testing';
import type { ChannelSummary } from '@uccn/protocol';
import { isRedisReachable, TEST_REDIS_URL } from '@uccn/realtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startCluster } from './support/cluster';
import { type DemoAccount, signInDemo } from './support/demo-session';
import { TestClient } from './support/http-client';
import { connectThreads, nextEvent, ok, type ThreadClient } from './support/thread-clients';

const services = (await isRedisReachable()) && (await isPostgresReachable());

describe.runIf(services)('threads on two nodes through Redis', () => {
  let cluster: Cluster;
  let cookies: Record<DemoAccount, string>;
  let gastronomy: string;
  const sockets: ThreadClient[] = [];
  const node = (index: number) => {
    const found = cluster.nodes[index];
    if (!found) throw new Error(`no node ${index}`);
    return found;
  };
  const connect = async (index: number, account: DemoAccount) => {
    const socket = await connectThreads(node(index).url, cookies[account]);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    cluster = await startCluster(2, {
      redisUrl: TEST_REDIS_URL,
      env: { THREADS_POST_BURST: '1000' },
    });
    cookies = await signInDemo(node(0).url);
    const listed = await new TestClient(node(0).url).request<{ channels: ChannelSummary[] }>(
      'GET',
      '/api/channels',
      { headers: { cookie: cookies.bologna } },
    );
    gastronomy = listed.body.channels.find((channel) => channel.slug === 'gastronomy')?.id ?? '';
  }, 60_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await cluster?.stop();
  });

  it('carries messages, typing, presence and mentions from one node to the other', async () => {
    const bologna = await connect(0, 'bologna');
    const kanazawa = await connect(1, 'kanazawa');
    await ok(kanazawa, 'channel:join', { channelId: gastronomy });
    const seesBologna = nextEvent(kanazawa, 'channel:online', ({ online }) =>
      online.some((member) => member.city?.slug === 'bologna'),
    );
    const joined = await ok(bologna, 'channel:join', { channelId: gastronomy });
    expect(joined.online.map((member) => member.city?.slug).sort()).toEqual([
      'bologna',
      'kanazawa',
    ]);
    await seesBologna;

    const arrives = nextEvent(kanazawa, 'message:changed', (p) => p.message.body === 'From node A');
    const { topic } = await ok(bologna, 'topic:create', {
      channelId: gastronomy,
      title: 'Across nodes',
      body: 'From node A',
      idempotencyKey: randomUUID(),
    });
    await arrives;

    const typing = nextEvent(bologna, 'typing', (p) => p.topicId === topic.id);
    kanazawa.emit('typing', { topicId: topic.id, typing: true });
    expect((await typing).user.city?.slug).toBe('kanazawa');

    const notified = nextEvent(
      bologna,
      'notification:new',
      (p) => p.notification.kind === 'mention',
    );
    await ok(kanazawa, 'message:post', {
      topicId: topic.id,
      body: 'Hello from node B, @Bologna',
      idempotencyKey: randomUUID(),
    });
    expect((await notified).notification.title).toContain('mentioned your city');
  });

  it('recovers what a dropped client missed, with no duplicate', async () => {
    const kanazawa = await connect(0, 'kanazawa');
    const dakar = await connect(1, 'dakar');
    await ok(kanazawa, 'channel:join', { channelId: gastronomy });
    const first = nextEvent(kanazawa, 'message:changed', (p) => p.message.body === 'start');
    const { topic } = await ok(dakar, 'topic:create', {
      channelId: gastronomy,
      title: 'Drops across nodes',
      body: 'start',
      idempotencyKey: randomUUID(),
    });
    await first;
    const received: string[] = [];
    kanazawa.on('message:changed', ({ message }) => {
      if (message.topicId === topic.id) received.push(message.body);
    });
    const back = new Promise<void>((resolve) => kanazawa.once('connect', () => resolve()));
    (kanazawa.io.engine as unknown as { close(): void }).close();
    for (let index = 0; index < 5; index += 1) {
      await ok(dakar, 'message:post', {
        topicId: topic.id,
        body: `while away ${index}`,
        idempotencyKey: randomUUID(),
      });
    }
    await back;
    expect(kanazawa.recovered).toBe(true);
    await expect.poll(() => received.length, { timeout: 5000 }).toBe(5);
    expect(received).toEqual([0, 1, 2, 3, 4].map((index) => `while away ${index}`));
  });
});
