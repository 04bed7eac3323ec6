// Merges thread data from HTTP pages, live events and catch-ups: one copy per id, the higher
// `seq` wins, so an event that overtakes a page (or the reverse) never shows stale or twice.
import type { ThreadMessage, Topic, TopicSummary } from '@uccn/protocol';

/**
 * Orders decimal id strings numerically: they are 64-bit, past Number's exact range.
 *
 * @example ['10', '9'].sort(compareIds) // ['9', '10']
 */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Of two copies of one record, the one to keep: the higher `seq`; on a tie, the incoming one. */
export function newer<T extends { seq: number }>(current: T | undefined, incoming: T): T {
  return current && current.seq > incoming.seq ? current : incoming;
}

/** A contiguous run of a topic's messages, oldest first, and whether more lie on each side. */
export interface MessageWindow {
  messages: ThreadMessage[];
  hasBefore: boolean;
  hasAfter: boolean;
}

function upsertMessages(messages: ThreadMessage[], incoming: ThreadMessage[]): ThreadMessage[] {
  const byId = new Map(messages.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, newer(byId.get(message.id), message));
  return [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
}

/**
 * Upserts live or caught-up messages into a window. A new message past either end is left out
 * when more messages are still to load on that side: adding it would leave a hole in the run.
 */
export function mergeLiveMessages(window: MessageWindow, incoming: ThreadMessage[]): MessageWindow {
  const first = window.messages[0]?.id;
  const last = window.messages.at(-1)?.id;
  const known = new Set(window.messages.map((message) => message.id));
  const fitting = incoming.filter((message) => {
    if (known.has(message.id)) return true;
    if (first === undefined || last === undefined) return !window.hasBefore && !window.hasAfter;
    if (window.hasAfter && compareIds(message.id, last) > 0) return false;
    if (window.hasBefore && compareIds(message.id, first) < 0) return false;
    return true;
  });
  if (fitting.length === 0) return window;
  return { ...window, messages: upsertMessages(window.messages, fitting) };
}

/** Adds a page loaded before (older) or after (newer) the window, with what it says lies beyond. */
export function mergePage(
  window: MessageWindow,
  page: MessageWindow,
  side: 'before' | 'after',
): MessageWindow {
  return {
    messages: upsertMessages(window.messages, page.messages),
    hasBefore: side === 'before' ? page.hasBefore : window.hasBefore,
    hasAfter: side === 'after' ? page.hasAfter : window.hasAfter,
  };
}

/** A topic's new shared state over the user's view of it: unread counts stay the user's. */
export function mergeTopic(
  current: TopicSummary | undefined,
  incoming: Topic | TopicSummary,
): TopicSummary {
  if (current && current.seq > incoming.seq) return current;
  const personal = 'unread' in incoming;
  return {
    ...incoming,
    unread: personal ? incoming.unread : (current?.unread ?? 0),
    firstUnreadMessageId: personal
      ? incoming.firstUnreadMessageId
      : (current?.firstUnreadMessageId ?? null),
  };
}

/** Most recently active first; ties by newest id, so the order is stable. */
export function compareActivity(a: Topic, b: Topic): number {
  const byTime = b.lastMessageAt.localeCompare(a.lastMessageAt);
  return byTime !== 0 ? byTime : compareIds(b.id, a.id);
}

export interface TopicPage {
  topics: TopicSummary[];
  nextCursor: string | null;
}

/** The pages of a channel's topic list as one list, without duplicates, most active first. */
export function flattenTopicPages(pages: TopicPage[]): TopicSummary[] {
  const byId = new Map<string, TopicSummary>();
  for (const page of pages) {
    for (const topic of page.topics) byId.set(topic.id, mergeTopic(byId.get(topic.id), topic));
  }
  return [...byId.values()].sort(compareActivity);
}

/**
 * Upserts topics into the loaded pages and re-orders them by activity. A topic not loaded yet
 * that sorts after the last loaded one is left for the next page to bring.
 */
export function mergeTopicPages(
  pages: TopicPage[],
  incoming: (Topic | TopicSummary)[],
): TopicPage[] {
  const all = flattenTopicPages(pages);
  const byId = new Map(all.map((topic) => [topic.id, topic]));
  const lastPage = pages.at(-1);
  const oldest = all.at(-1);
  let changed = false;
  for (const topic of incoming) {
    const current = byId.get(topic.id);
    const beyondLoaded =
      !current && lastPage?.nextCursor && oldest && compareActivity(topic, oldest) > 0;
    if (beyondLoaded) continue;
    const merged = mergeTopic(current, topic);
    if (merged !== current) {
      byId.set(topic.id, merged);
      changed = true;
    }
  }
  if (!changed) return pages;
  const ordered = [...byId.values()].sort(compareActivity);
  // Each page keeps its length (the first takes the new topics), so the cursors stay right.
  const growth = ordered.length - all.length;
  let from = 0;
  return pages.map((page, index) => {
    const size = page.topics.length + (index === 0 ? growth : 0);
    const topics =
      index === pages.length - 1 ? ordered.slice(from) : ordered.slice(from, from + size);
    from += size;
    return { ...page, topics };
  });
}
