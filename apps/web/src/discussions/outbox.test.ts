// Pending messages: shown at once, sent once per key, kept while offline, never shown twice.
import type { ThreadMessage } from '@uccn/protocol';
import { describe, expect, it } from 'vitest';
import { Outbox, type PendingMessage, pendingToShow } from './outbox';

function stored(id: string, body: string, authorId = 'me'): ThreadMessage {
  return {
    id,
    channelId: 'c1',
    topicId: 't1',
    author: { id: authorId, name: 'Me', city: null, role: 'member' },
    body,
    mentions: [],
    reactions: [],
    createdAt: '2025-05-01T10:00:00Z',
    editedAt: null,
    deleted: false,
    hidden: null,
    seq: 1,
  };
}

function pending(key: string, body: string, afterId: string | null): PendingMessage {
  return { key, channelId: 'c1', topicId: 't1', body, status: 'sending', error: null, afterId };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('pendingToShow', () => {
  it('hides a pending message once its stored copy arrived live, even before the ack', () => {
    const items = [pending('k1', 'Hello', '5')];
    expect(pendingToShow(items, 't1', [stored('5', 'Hello')], 'me')).toEqual(items);
    expect(pendingToShow(items, 't1', [stored('5', 'Hello'), stored('6', 'Hello')], 'me')).toEqual(
      [],
    );
  });

  it('does not take someone else’s message, or one copy for two pending ones', () => {
    const items = [pending('k1', 'Yes', '5'), pending('k2', 'Yes', '5')];
    expect(pendingToShow(items, 't1', [stored('6', 'Yes', 'other')], 'me')).toHaveLength(2);
    expect(pendingToShow(items, 't1', [stored('6', 'Yes')], 'me').map((p) => p.key)).toEqual([
      'k2',
    ]);
  });

  it('shows only the topic’s own pending messages', () => {
    expect(pendingToShow([{ ...pending('k', 'x', null), topicId: 't2' }], 't1', [], 'me')).toEqual(
      [],
    );
  });
});

describe('Outbox', () => {
  it('keeps a message while offline and sends it with its key when connected', async () => {
    let connected = false;
    const sent: string[] = [];
    const storedIds: string[] = [];
    const outbox = new Outbox(
      async (item) => {
        sent.push(item.key);
        return stored('7', item.body);
      },
      () => connected,
      (message) => storedIds.push(message.id),
    );
    outbox.send({ channelId: 'c1', topicId: 't1', body: 'Hi', afterId: null });
    expect(outbox.getSnapshot()).toMatchObject([{ status: 'waiting', body: 'Hi' }]);
    expect(sent).toEqual([]);
    connected = true;
    outbox.flush();
    await flush();
    expect(sent).toHaveLength(1);
    expect(storedIds).toEqual(['7']);
    expect(outbox.getSnapshot()).toEqual([]);
  });

  it('shows a refusal and retries with the same key', async () => {
    const keys: string[] = [];
    let refuse = true;
    const outbox = new Outbox(
      async (item) => {
        keys.push(item.key);
        if (refuse)
          throw Object.assign(new Error('slow down'), { code: 'rate_limited', retryAfter: 3 });
        return stored('8', item.body);
      },
      () => true,
      () => {},
    );
    outbox.send({ channelId: 'c1', topicId: 't1', body: 'Hi', afterId: null });
    await flush();
    expect(outbox.getSnapshot()).toMatchObject([
      { status: 'failed', error: { code: 'rate_limited', retryAfter: 3 } },
    ]);
    refuse = false;
    const key = outbox.getSnapshot()[0]?.key ?? '';
    outbox.retry(key);
    await flush();
    expect(keys).toEqual([key, key]);
    expect(outbox.getSnapshot()).toEqual([]);
  });

  it('puts a message back to wait when the connection dropped during the attempt', async () => {
    let connected = true;
    const outbox = new Outbox(
      async () => {
        connected = false;
        throw Object.assign(new Error('timed out'), { code: 'timeout' });
      },
      () => connected,
      () => {},
    );
    outbox.send({ channelId: 'c1', topicId: 't1', body: 'Hi', afterId: null });
    await flush();
    expect(outbox.getSnapshot()).toMatchObject([{ status: 'waiting', error: null }]);
  });
});
