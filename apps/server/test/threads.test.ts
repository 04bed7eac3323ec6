// Live discussion threads against the real server over socket.io-client: channels, topics,
// replies, mentions and notifications, idempotent posts, history, permissions, moderation,
// and every kind of bad event — on the embedded database and on Postgres.
import { randomUUID } from 'node:crypto';
import { availableDrivers } from '@uccn/db/testing';
import type { ChannelSummary } from '@uccn/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoAccount, signInDemo } from './support/demo-session';
import { TestClient } from './support/http-client';
import { startTestServer, type TestServer } from './support/test-server';
import { call, connectThreads, nextEvent, ok, type ThreadClient } from './support/thread-clients';

const drivers = await availableDrivers();

describe.each(drivers)('discussion threads on %s', (driver) => {
  let server: TestServer;
  let cookies: Record<DemoAccount, string>;
  let channels: ChannelSummary[];
  const sockets: ThreadClient[] = [];
  const connect = async (account: DemoAccount) => {
    const socket = await connectThreads(server.url, cookies[account]);
    sockets.push(socket);
    return socket;
  };
  const api = <T>(account: DemoAccount, method: string, path: string, json?: unknown) =>
    new TestClient(server.url).request<T>(method, path, {
      json,
      headers: { cookie: cookies[account], origin: server.url },
    });
  const channel = (slug: string) => {
    const found = channels.find((entry) => entry.slug === slug);
    if (!found) throw new Error(`no channel ${slug}`);
    return found;
  };
  const key = () => randomUUID();

  beforeAll(async () => {
    server = await startTestServer(driver, {
      SIGN_IN_RATE_LIMIT: '1000',
      THREADS_POST_BURST: '1000',
    });
    cookies = await signInDemo(server.url);
    const listed = await api<{ channels: ChannelSummary[] }>('bologna', 'GET', '/api/channels');
    channels = listed.body.channels;
  }, 60_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await server?.stop();
  });

  it('lists a channel per creative field and the announcements, in order', async () => {
    expect(channels.map((entry) => entry.slug)).toEqual([
      'crafts-and-folk-art',
      'design',
      'film',
      'gastronomy',
      'literature',
      'media-arts',
      'music',
      'announcements',
    ]);
    expect(channel('gastronomy')).toMatchObject({ kind: 'field', canPost: true, unread: 0 });
    expect(channel('announcements')).toMatchObject({ kind: 'announcements', canPost: false });
    const anonymous = await new TestClient(server.url).request('GET', '/api/channels');
    expect(anonymous.status).toBe(401);
  });

  it('carries a topic and a reply live, with a mention notifying the city', async () => {
    const bologna = await connect('bologna');
    const kanazawa = await connect('kanazawa');
    const gastronomy = channel('gastronomy').id;
    const joined = await ok(kanazawa, 'channel:join', { channelId: gastronomy });
    expect(joined.online.map((member) => member.city?.slug)).toContain('kanazawa');
    await ok(bologna, 'channel:join', { channelId: gastronomy });

    const topicSeen = nextEvent(
      kanazawa,
      'topic:changed',
      ({ topic }) => topic.title === 'Food festivals 2027',
    );
    const created = await ok(bologna, 'topic:create', {
      channelId: gastronomy,
      title: 'Food festivals 2027',
      body: 'Who joins a festival exchange? <script>alert(1)</script>',
      idempotencyKey: key(),
    });
    expect((await topicSeen).topic.id).toBe(created.topic.id);
    expect(created.message.body).toBe('Who joins a festival exchange? <script>alert(1)</script>');

    const mention = nextEvent(
      bologna,
      'notification:new',
      ({ notification }) => notification.kind === 'mention',
    );
    const replySeen = nextEvent(
      bologna,
      'message:changed',
      ({ message }) => message.author?.city?.slug === 'kanazawa',
    );
    const reply = await ok(kanazawa, 'message:post', {
      topicId: created.topic.id,
      body: 'Count us in, @Bologna!',
      idempotencyKey: key(),
    });
    expect(reply.message.mentions).toEqual([
      { type: 'city', id: 'bologna', name: 'Bologna', start: 13, end: 21 },
    ]);
    expect((await replySeen).message.id).toBe(reply.message.id);
    const notified = await mention;
    expect(notified.notification.url).toBe(
      `/discussions/gastronomy/${created.topic.id}?message=${reply.message.id}`,
    );
    expect(notified.unread).toBeGreaterThanOrEqual(1);

    // Bologna has one unread message (the reply); reading it clears the count.
    const topic = await api<{ topic: { unread: number; firstUnreadMessageId: string } }>(
      'bologna',
      'GET',
      `/api/topics/${created.topic.id}`,
    );
    expect(topic.body.topic).toMatchObject({ unread: 1, firstUnreadMessageId: reply.message.id });
    expect(
      await ok(bologna, 'topic:read', { topicId: created.topic.id, messageId: reply.message.id }),
    ).toEqual({ unread: 0 });

    const list = await api<{ notifications: { id: string }[]; unread: number }>(
      'bologna',
      'GET',
      '/api/notifications',
    );
    expect(list.body.notifications[0]?.id).toBe(notified.notification.id);
    const read = nextEvent(bologna, 'notification:read');
    const marked = await api<{ unread: number }>('bologna', 'POST', '/api/notifications/read', {
      all: true,
    });
    expect(marked.body.unread).toBe(0);
    expect((await read).unread).toBe(0);
  });

  it('stores a post once however often it is retried with its key', async () => {
    const dakar = await connect('dakar');
    const music = channel('music').id;
    const { topic } = await ok(dakar, 'topic:create', {
      channelId: music,
      title: 'Retries',
      body: 'first',
      idempotencyKey: key(),
    });
    const idempotencyKey = key();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        ok(dakar, 'message:post', { topicId: topic.id, body: 'once only', idempotencyKey }),
      ),
    );
    expect(new Set(results.map((result) => result.message.id)).size).toBe(1);
    const history = await api<{ messages: { body: string }[] }>(
      'dakar',
      'GET',
      `/api/topics/${topic.id}/messages`,
    );
    expect(history.body.messages.map((message) => message.body)).toEqual(['first', 'once only']);
  });

  it('pages through history before, after and around a message', async () => {
    const secretariat = await connect('secretariat');
    const film = channel('film').id;
    const { topic, message: first } = await ok(secretariat, 'topic:create', {
      channelId: film,
      title: 'A long topic',
      body: 'message 0',
      idempotencyKey: key(),
    });
    const ids = [first.id];
    for (let index = 1; index < 8; index += 1) {
      const { message } = await ok(secretariat, 'message:post', {
        topicId: topic.id,
        body: `message ${index}`,
        idempotencyKey: key(),
      });
      ids.push(message.id);
    }
    type Page = { messages: { id: string }[]; hasBefore: boolean; hasAfter: boolean };
    const page = (query: string) =>
      api<Page>('secretariat', 'GET', `/api/topics/${topic.id}/messages?${query}`).then(
        (response) => response.body,
      );
    const latest = await page('limit=3');
    expect(latest.messages.map((message) => message.id)).toEqual(ids.slice(5));
    expect(latest.hasBefore).toBe(true);
    const older = await page(`limit=3&before=${ids[5]}`);
    expect(older.messages.map((message) => message.id)).toEqual(ids.slice(2, 5));
    const newer = await page(`limit=3&after=${ids[1]}`);
    expect(newer.messages.map((message) => message.id)).toEqual(ids.slice(2, 5));
    const around = await page(`limit=4&around=${ids[4]}`);
    expect(around.messages.map((message) => message.id)).toEqual(ids.slice(3, 7));
    expect(around).toMatchObject({ hasBefore: true, hasAfter: true });
  });

  it('edits, deletes and reacts live, and only the author edits', async () => {
    const bologna = await connect('bologna');
    const kanazawa = await connect('kanazawa');
    const design = channel('design').id;
    await ok(kanazawa, 'channel:join', { channelId: design });
    const { message } = await ok(bologna, 'topic:create', {
      channelId: design,
      title: 'Edits',
      body: 'draft',
      idempotencyKey: key(),
    });
    const edited = nextEvent(kanazawa, 'message:changed', (p) => p.message.editedAt !== null);
    await ok(bologna, 'message:edit', { messageId: message.id, body: 'final' });
    expect((await edited).message.body).toBe('final');
    const notMine = await call(kanazawa, 'message:edit', { messageId: message.id, body: 'x' });
    expect(notMine).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const reacted = await ok(kanazawa, 'reaction:toggle', { messageId: message.id, emoji: '🎉' });
    expect(reacted.message.reactions).toEqual([{ emoji: '🎉', userIds: [expect.any(String)] }]);
    const unreacted = await ok(kanazawa, 'reaction:toggle', { messageId: message.id, emoji: '🎉' });
    expect(unreacted.message.reactions).toEqual([]);

    const deleted = await ok(bologna, 'message:delete', { messageId: message.id });
    expect(deleted.message).toMatchObject({ deleted: true, body: '' });
  });

  it('keeps announcements to the Secretariat and a document channel to its cities', async () => {
    const kanazawa = await connect('kanazawa');
    const dakar = await connect('dakar');
    const secretariat = await connect('secretariat');
    const announcements = channel('announcements').id;
    const refused = await call(kanazawa, 'topic:create', {
      channelId: announcements,
      title: 'Hello',
      body: 'Not allowed',
      idempotencyKey: key(),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await ok(secretariat, 'topic:create', {
      channelId: announcements,
      title: 'Welcome',
      body: 'The 2027 call is open.',
      idempotencyKey: key(),
    });

    const created = await api<{ document: { id: string } }>('kanazawa', 'POST', '/api/documents', {
      title: 'Craft routes',
      cities: [{ slug: 'bologna', access: 'read' }],
    });
    const docChannel = await api<{ channel: ChannelSummary }>(
      'bologna',
      'GET',
      `/api/documents/${created.body.document.id}/channel`,
    );
    expect(docChannel.body.channel).toMatchObject({ kind: 'document', canPost: true });
    const outsider = await call(dakar, 'channel:join', { channelId: docChannel.body.channel.id });
    expect(outsider).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const dakarChannels = await api<{ channels: ChannelSummary[] }>(
      'dakar',
      'GET',
      '/api/channels',
    );
    expect(dakarChannels.body.channels.map((entry) => entry.kind)).not.toContain('document');
    await ok(secretariat, 'channel:join', { channelId: docChannel.body.channel.id });
    const unknown = await call(dakar, 'channel:join', { channelId: randomUUID() });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'channel_not_found' } });
  });

  it('lets the Secretariat hide, lock and mute, and logs each', async () => {
    const bologna = await connect('bologna');
    const secretariat = await connect('secretariat');
    const literature = channel('literature').id;
    await ok(bologna, 'channel:join', { channelId: literature });
    const { topic, message } = await ok(bologna, 'topic:create', {
      channelId: literature,
      title: 'Moderated',
      body: 'something off-topic',
      idempotencyKey: key(),
    });
    expect(
      (await api('bologna', 'POST', `/api/messages/${message.id}/hide`, { reason: 'x' })).status,
    ).toBe(403);
    const hiddenSeen = nextEvent(bologna, 'message:changed', (p) => p.message.hidden !== null);
    const hidden = await api<{ message: { hidden: { reason: string }; body: string } }>(
      'secretariat',
      'POST',
      `/api/messages/${message.id}/hide`,
      { reason: 'Off topic' },
    );
    expect(hidden.body.message).toMatchObject({ hidden: { reason: 'Off topic' }, body: '' });
    expect((await hiddenSeen).message.body).toBe('');

    await api('secretariat', 'POST', `/api/topics/${topic.id}/lock`, { locked: true });
    const locked = await call(bologna, 'message:post', {
      topicId: topic.id,
      body: 'still here?',
      idempotencyKey: key(),
    });
    expect(locked).toMatchObject({ ok: false, error: { code: 'topic_locked' } });
    await ok(secretariat, 'message:post', {
      topicId: topic.id,
      body: 'Closing this topic.',
      idempotencyKey: key(),
    });

    const me = await api<{ user: { id: string } }>('bologna', 'GET', '/api/me');
    const muted = await api('secretariat', 'POST', `/api/channels/${literature}/mutes`, {
      userId: me.body.user.id,
      minutes: 5,
      reason: 'Cooling off',
    });
    expect(muted.status).toBe(200);
    const refused = await call(bologna, 'topic:create', {
      channelId: literature,
      title: 'Again',
      body: 'hello',
      idempotencyKey: key(),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'muted' } });
    if (!refused.ok) expect(refused.error.retryAfter).toBeGreaterThan(200);
    const entries = await server.services.database.query<{ action: string }>(
      "select action from activity_log where action in ('message.hidden', 'topic.locked', 'channel.user_muted') order by id",
      [],
    );
    expect(entries.rows.map((row) => row.action)).toEqual([
      'message.hidden',
      'topic.locked',
      'channel.user_muted',
    ]);
  });

  it('answers every bad event with an error acknowledgement and carries on', async () => {
    const dakar = await connect('dakar');
    const media = channel('media-arts').id;
    await ok(dakar, 'channel:join', { channelId: media });
    const { topic } = await ok(dakar, 'topic:create', {
      channelId: media,
      title: 'Bad input',
      body: 'start',
      idempotencyKey: key(),
    });
    const raw = dakar as unknown as {
      timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
      emit(event: string, ...args: unknown[]): void;
    };
    expect(await raw.timeout(5000).emitWithAck('message:post', { topicId: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await raw.timeout(5000).emitWithAck('message:post', 'not an object')).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await raw.timeout(5000).emitWithAck('no:such:event', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    const noAck = nextEvent(dakar, 'thread:error', (p) => p.event === 'message:post');
    raw.emit('message:post', { topicId: topic.id, body: 'x', idempotencyKey: key() });
    expect((await noAck).error.code).toBe('invalid_payload');
    const tooLong = await call(dakar, 'message:post', {
      topicId: topic.id,
      body: 'x'.repeat(10_001),
      idempotencyKey: key(),
    });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'message_too_long' } });
    const unknownTopic = await call(dakar, 'message:post', {
      topicId: randomUUID(),
      body: 'hello',
      idempotencyKey: key(),
    });
    expect(unknownTopic).toMatchObject({ ok: false, error: { code: 'topic_not_found' } });

    // Flooding: past the burst, events are refused with a wait time; the server stays up.
    const flood = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        call(dakar, 'message:post', {
          topicId: topic.id,
          body: `flood ${index}`,
          idempotencyKey: key(),
        }),
      ),
    );
    const limited = flood.filter((response) => !response.ok);
    expect(limited.length).toBeGreaterThan(40);
    expect(limited[0]).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(
      /uccn_threads_events_total\{event="message:post",outcome="rate_limited"[^}]*\} [1-9]/,
    );
    expect(metrics).toMatch(/uccn_threads_sockets\{[^}]*\} [1-9]/);

    // An oversized frame closes only that connection.
    const big = await connect('kanazawa');
    const closed = new Promise<string>((resolve) =>
      big.once('disconnect', (reason) => resolve(reason)),
    );
    (big as unknown as { emit(event: string, payload: unknown): void }).emit('message:post', {
      topicId: topic.id,
      body: 'y'.repeat(70_000),
      idempotencyKey: key(),
    });
    expect(await closed).toBe('transport close');
    big.disconnect();
    const other = await connect('bologna');
    expect((await call(other, 'channel:join', { channelId: media })).ok).toBe(true);
  });

  it('catches a client up after a drop: recovered by socket.io, or from channel:sync', async () => {
    const kanazawa = await connect('kanazawa');
    const bologna = await connect('bologna');
    const crafts = channel('crafts-and-folk-art').id;
    const joined = await ok(kanazawa, 'channel:join', { channelId: crafts });
    const first = nextEvent(kanazawa, 'message:changed', (p) => p.message.body === 'before');
    const { topic } = await ok(bologna, 'topic:create', {
      channelId: crafts,
      title: 'Drops',
      body: 'before',
      idempotencyKey: key(),
    });
    await first;
    const seen = new Map<string, number>();
    let duplicates = 0;
    kanazawa.on('message:changed', ({ message }) => {
      if (seen.get(message.id) === message.seq) duplicates += 1;
      seen.set(message.id, message.seq);
    });
    // Cut the transport under the client, post while it is away, let it reconnect by itself.
    const back = new Promise<void>((resolve) => kanazawa.once('connect', () => resolve()));
    (kanazawa.io.engine as unknown as { close(): void }).close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const missed: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      missed.push(
        (
          await ok(bologna, 'message:post', {
            topicId: topic.id,
            body: `missed ${index}`,
            idempotencyKey: key(),
          })
        ).message.id,
      );
    }
    await back;
    expect(kanazawa.recovered).toBe(true);
    await expect.poll(() => missed.every((id) => seen.has(id)), { timeout: 5000 }).toBe(true);
    expect(duplicates).toBe(0);

    // A client that could not be recovered (a new connection) asks what changed since its seq.
    const changes = await ok(bologna, 'channel:sync', {
      channelId: crafts,
      seq: joined.channel.seq,
    });
    expect(changes.topics.map((entry) => entry.id)).toContain(topic.id);
    expect(changes.messages.map((message) => message.body)).toEqual([
      'before',
      'missed 0',
      'missed 1',
      'missed 2',
    ]);
    const none = await ok(bologna, 'channel:sync', { channelId: crafts, seq: changes.seq });
    expect(none).toMatchObject({ messages: [], topics: [], more: false, seq: changes.seq });
  });

  it('keeps notification e-mail preferences', async () => {
    const initial = await api<{ preferences: { kind: string; email: boolean }[] }>(
      'dakar',
      'GET',
      '/api/notifications/preferences',
    );
    expect(initial.body.preferences).toContainEqual({ kind: 'mention', email: true });
    const updated = await api<{ preferences: { kind: string; email: boolean }[] }>(
      'dakar',
      'PUT',
      '/api/notifications/preferences',
      {
        preferences: [
          { kind: 'mention', email: false },
          { kind: 'reply', email: true },
        ],
      },
    );
    expect(updated.body.preferences).toContainEqual({ kind: 'mention', email: false });
    expect(updated.body.preferences).toContainEqual({ kind: 'reply', email: true });
    const bad = await api<{ error: { code: string } }>(
      'dakar',
      'PUT',
      '/api/notifications/preferences',
      {
        preferences: [{ kind: 'nonsense', email: true }],
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });
});
