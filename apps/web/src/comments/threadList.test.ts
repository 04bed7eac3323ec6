// How the browser's list of threads follows changes, and the order the panel shows.
import type { CommentThread, DocumentComment } from '@uccn/protocol';
import { describe, expect, it } from 'vitest';
import { applyThreadChange, isGone, visibleThreads } from './threadList';

const comment = (id: string, deleted = false): DocumentComment => ({
  id,
  author: null,
  body: deleted ? '' : `body ${id}`,
  createdAt: `2026-01-01T00:00:0${id.length}Z`,
  editedAt: null,
  deleted,
});

const thread = (id: string, createdAt: string, extra: Partial<CommentThread> = {}) =>
  ({
    ...comment(id),
    createdAt,
    documentId: 'd1',
    anchor: { start: {}, end: {} },
    quote: 'q',
    resolved: null,
    replies: [],
    ...extra,
  }) satisfies CommentThread;

describe('applyThreadChange', () => {
  const a = thread('a', '2026-01-01T10:00:00Z');
  const b = thread('b', '2026-01-01T11:00:00Z');

  it('adds a new thread in creation order and replaces a known one', () => {
    expect(applyThreadChange([b], a).map((entry) => entry.id)).toEqual(['a', 'b']);
    const replied = { ...a, replies: [comment('r')] };
    const next = applyThreadChange([a, b], replied);
    expect(next.map((entry) => entry.id)).toEqual(['a', 'b']);
    expect(next[0]?.replies).toHaveLength(1);
  });

  it('drops a thread once all its comments are deleted, not before', () => {
    const deletedFirst = { ...a, deleted: true, body: '', replies: [comment('r')] };
    expect(isGone(deletedFirst)).toBe(false);
    expect(applyThreadChange([a, b], deletedFirst)).toHaveLength(2);
    const allDeleted = { ...deletedFirst, replies: [comment('r', true)] };
    expect(applyThreadChange([a, b], allDeleted).map((entry) => entry.id)).toEqual(['b']);
  });
});

describe('visibleThreads', () => {
  const first = thread('a', '2026-01-01T10:00:00Z');
  const second = thread('b', '2026-01-01T11:00:00Z');
  const gone = thread('c', '2026-01-01T09:00:00Z');
  const resolved = thread('d', '2026-01-01T12:00:00Z', {
    resolved: { at: '2026-01-02T00:00:00Z', by: null },
  });
  const ranges = new Map([
    ['a', { from: 40 }],
    ['b', { from: 5 }],
    ['d', { from: 1 }],
  ]);

  it('orders by place in the text, threads without a range last', () => {
    const shown = visibleThreads([gone, first, second, resolved], ranges, false);
    expect(shown.map((entry) => entry.id)).toEqual(['b', 'a', 'c']);
  });

  it('shows resolved threads only when asked', () => {
    const shown = visibleThreads([gone, first, second, resolved], ranges, true);
    expect(shown.map((entry) => entry.id)).toEqual(['d', 'b', 'a', 'c']);
  });
});
