// Thread caches: one copy per id, the higher seq wins, windows keep no holes, topics re-order.
import type { ThreadMessage, Topic, TopicSummary } from '@uccn/protocol';
import { describe, expect, it } from 'vitest';
import {
  compareIds,
  flattenTopicPages,
  type MessageWindow,
  mergeLiveMessages,
  mergePage,
  mergeTopic,
  mergeTopicPages,
  type TopicPage,
} from './cache';

function message(id: string, seq: number, body = `message ${id}`): ThreadMessage {
  return {
    id,
    channelId: 'c1',
    topicId: 't1',
    author: null,
    body,
    mentions: [],
    reactions: [],
    createdAt: '2025-05-01T10:00:00Z',
    editedAt: null,
    deleted: false,
    hidden: null,
    seq,
  };
}

function topic(id: string, seq: number, lastMessageAt: string, unread = 0): TopicSummary {
  return {
    id,
    channelId: 'c1',
    title: `Topic ${id}`,
    author: null,
    createdAt: '2025-05-01T09:00:00Z',
    lastMessageAt,
    replyCount: 0,
    locked: false,
    firstMessageId: '1',
    seq,
    unread,
    firstUnreadMessageId: unread > 0 ? '1' : null,
  };
}

const ids = (window: MessageWindow) => window.messages.map((m) => m.id);

describe('compareIds', () => {
  it('orders 64-bit decimal ids numerically', () => {
    expect(['10', '9', '18446744073709551615', '18446744073709551614'].sort(compareIds)).toEqual([
      '9',
      '10',
      '18446744073709551614',
      '18446744073709551615',
    ]);
  });
});

describe('mergeLiveMessages', () => {
  const live: MessageWindow = {
    messages: [message('10', 1), message('11', 2)],
    hasBefore: true,
    hasAfter: false,
  };

  it('appends a new message at the live end, in id order', () => {
    const merged = mergeLiveMessages(live, [message('13', 4), message('12', 3)]);
    expect(ids(merged)).toEqual(['10', '11', '12', '13']);
  });

  it('keeps one copy of a message delivered twice', () => {
    const once = mergeLiveMessages(live, [message('12', 3)]);
    const twice = mergeLiveMessages(once, [message('12', 3)]);
    expect(ids(twice)).toEqual(['10', '11', '12']);
  });

  it('keeps the copy with the higher seq, whichever arrives last', () => {
    const edited = message('11', 5, 'edited');
    const stale = message('11', 2, 'original');
    expect(mergeLiveMessages(live, [edited]).messages[1]?.body).toBe('edited');
    const afterStale = mergeLiveMessages(mergeLiveMessages(live, [edited]), [stale]);
    expect(afterStale.messages[1]?.body).toBe('edited');
  });

  it('leaves out a new message beyond a side that still has messages to load', () => {
    const middle: MessageWindow = { ...live, hasAfter: true };
    expect(ids(mergeLiveMessages(middle, [message('20', 9)]))).toEqual(['10', '11']);
    expect(ids(mergeLiveMessages(live, [message('5', 9)]))).toEqual(['10', '11']);
    // A change to a message already shown is applied whatever the window.
    expect(mergeLiveMessages(middle, [message('10', 9, 'changed')]).messages[0]?.body).toBe(
      'changed',
    );
  });

  it('returns the same window when nothing applies', () => {
    const middle: MessageWindow = { ...live, hasAfter: true };
    expect(mergeLiveMessages(middle, [message('20', 9)])).toBe(middle);
  });

  it('fills an empty topic only when nothing is left to load', () => {
    const empty: MessageWindow = { messages: [], hasBefore: false, hasAfter: false };
    expect(ids(mergeLiveMessages(empty, [message('1', 1)]))).toEqual(['1']);
  });
});

describe('mergePage', () => {
  it('prepends an older page without duplicates and takes its hasBefore', () => {
    const window: MessageWindow = {
      messages: [message('10', 1), message('11', 2)],
      hasBefore: true,
      hasAfter: false,
    };
    const older: MessageWindow = {
      messages: [message('8', 1), message('9', 1), message('10', 1)],
      hasBefore: false,
      hasAfter: true,
    };
    const merged = mergePage(window, older, 'before');
    expect(ids(merged)).toEqual(['8', '9', '10', '11']);
    expect(merged.hasBefore).toBe(false);
    expect(merged.hasAfter).toBe(false);
  });
});

describe('mergeTopic', () => {
  it('keeps the user’s unread count when a shared topic update arrives', () => {
    const current = topic('t1', 3, '2025-05-01T10:00:00Z', 4);
    const {
      unread: _u,
      firstUnreadMessageId: _f,
      ...shared
    } = topic('t1', 5, '2025-05-01T11:00:00Z');
    const merged = mergeTopic(current, { ...shared, locked: true } satisfies Topic);
    expect(merged).toMatchObject({ locked: true, unread: 4, seq: 5 });
  });

  it('ignores an older copy', () => {
    const current = topic('t1', 5, '2025-05-01T11:00:00Z');
    expect(mergeTopic(current, topic('t1', 4, '2025-05-01T10:00:00Z'))).toBe(current);
  });
});

describe('mergeTopicPages', () => {
  const pages: TopicPage[] = [
    {
      topics: [topic('a', 1, '2025-05-01T12:00:00Z'), topic('b', 1, '2025-05-01T11:00:00Z')],
      nextCursor: 'p2',
    },
    { topics: [topic('c', 1, '2025-05-01T10:00:00Z')], nextCursor: 'p3' },
  ];
  const order = (result: TopicPage[]) => flattenTopicPages(result).map((t) => t.id);

  it('moves a topic with a new reply to the top, once', () => {
    const merged = mergeTopicPages(pages, [topic('c', 2, '2025-05-01T13:00:00Z')]);
    expect(order(merged)).toEqual(['c', 'a', 'b']);
    expect(merged.map((page) => page.topics.length)).toEqual([2, 1]);
    expect(merged.map((page) => page.nextCursor)).toEqual(['p2', 'p3']);
  });

  it('adds a new topic on the first page', () => {
    const merged = mergeTopicPages(pages, [topic('d', 1, '2025-05-01T14:00:00Z')]);
    expect(order(merged)).toEqual(['d', 'a', 'b', 'c']);
    expect(merged[0]?.topics.map((t) => t.id)).toEqual(['d', 'a', 'b']);
  });

  it('leaves an unknown topic older than the loaded ones to a later page', () => {
    expect(mergeTopicPages(pages, [topic('z', 1, '2025-04-01T00:00:00Z')])).toBe(pages);
  });

  it('drops a duplicate that a later page brings again', () => {
    const withDuplicate: TopicPage[] = [
      pages[0],
      {
        topics: [topic('a', 1, '2025-05-01T12:00:00Z'), topic('c', 1, '2025-05-01T10:00:00Z')],
        nextCursor: null,
      },
    ].filter((page) => page !== undefined);
    expect(order(withDuplicate)).toEqual(['a', 'b', 'c']);
  });
});
