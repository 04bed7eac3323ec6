// React Query over the discussions: keys, hooks, and how live events and catch-ups land in the
// caches (upsert by id, higher seq wins), so every page shows the same, current thread.

import {
  type InfiniteData,
  type QueryClient,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import type {
  ChannelChanges,
  ChannelSummary,
  ThreadMessage,
  Topic,
  TopicSummary,
} from '@uccn/protocol';
import { useMe } from '../api/queries';
import {
  flattenTopicPages,
  type MessageWindow,
  mergeLiveMessages,
  mergeTopic,
  mergeTopicPages,
  type TopicPage,
} from './cache';
import { getChannels, getMessages, getTopic, getTopics, type MessageAnchor } from './endpoints';

/** Everything of one channel sits under `['channel', id]`, so that a re-join refreshes it all. */
export const threadKeys = {
  channels: ['channels'] as const,
  channel: (channelId: string) => ['channel', channelId] as const,
  topics: (channelId: string) => ['channel', channelId, 'topics'] as const,
  topicMessages: (channelId: string, topicId: string) =>
    ['channel', channelId, 'messages', topicId] as const,
  messages: (channelId: string, topicId: string, anchor: MessageAnchor) =>
    [...threadKeys.topicMessages(channelId, topicId), anchor] as const,
  topic: (topicId: string) => ['topic', topicId] as const,
};

export function useChannels() {
  const me = useMe();
  return useQuery({
    queryKey: threadKeys.channels,
    queryFn: getChannels,
    enabled: Boolean(me.data),
    // Unread counts of channels one is not in change without an event here.
    refetchInterval: 60_000,
  });
}

export function useTopics(channelId: string) {
  const query = useInfiniteQuery({
    queryKey: threadKeys.topics(channelId),
    queryFn: ({ pageParam }) => getTopics(channelId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last: TopicPage) => last.nextCursor,
    staleTime: 30_000,
  });
  return { ...query, topics: query.data ? flattenTopicPages(query.data.pages) : [] };
}

export interface TopicWithChannel {
  topic: TopicSummary;
  channel: ChannelSummary;
}

export function useTopic(topicId: string) {
  return useQuery({ queryKey: threadKeys.topic(topicId), queryFn: () => getTopic(topicId) });
}

/** A window of a topic's messages; live events keep it current, so it never goes stale. */
export function useMessages(channelId: string, topicId: string, anchor: MessageAnchor) {
  return useQuery({
    queryKey: threadKeys.messages(channelId, topicId, anchor),
    queryFn: () => getMessages(topicId, anchor),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
  });
}

/** Applies socket events and catch-ups to the caches; unread counts come back from the server. */
export class ThreadCache {
  private unreadTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly staleChannels = new Set<string>();

  constructor(private readonly queryClient: QueryClient) {}

  message(message: ThreadMessage): void {
    this.queryClient.setQueriesData<MessageWindow>(
      { queryKey: threadKeys.topicMessages(message.channelId, message.topicId) },
      (window) => (window ? mergeLiveMessages(window, [message]) : window),
    );
  }

  topic(topic: Topic): void {
    this.queryClient.setQueryData<InfiniteData<TopicPage, string | null>>(
      threadKeys.topics(topic.channelId),
      (data) => (data ? { ...data, pages: mergeTopicPages(data.pages, [topic]) } : data),
    );
    this.queryClient.setQueryData<TopicWithChannel>(threadKeys.topic(topic.id), (data) =>
      data ? { ...data, topic: mergeTopic(data.topic, topic) } : data,
    );
    this.refreshUnreadSoon(topic.channelId);
  }

  changes(changes: ChannelChanges): void {
    for (const topic of changes.topics) this.topic(topic);
    for (const message of changes.messages) this.message(message);
  }

  /** A channel summary from a join: fresh rights and counters; a first join refetches its data. */
  joined(channel: ChannelSummary, first: boolean): void {
    this.channel(channel);
    if (first)
      void this.queryClient.invalidateQueries({ queryKey: threadKeys.channel(channel.id) });
  }

  channel(channel: ChannelSummary): void {
    this.queryClient.setQueryData<ChannelSummary[]>(threadKeys.channels, (list) =>
      list?.map((item) => (item.id === channel.id ? channel : item)),
    );
  }

  /** The user read a topic up to its newest message: no unread there any more. */
  read(channelId: string, topicId: string): void {
    const clear = <T extends { id: string; unread: number }>(topic: T): T =>
      topic.id === topicId ? { ...topic, unread: 0, firstUnreadMessageId: null } : topic;
    this.queryClient.setQueryData<InfiniteData<TopicPage, string | null>>(
      threadKeys.topics(channelId),
      (data) =>
        data && {
          ...data,
          pages: data.pages.map((page) => ({ ...page, topics: page.topics.map(clear) })),
        },
    );
    this.queryClient.setQueryData<TopicWithChannel>(threadKeys.topic(topicId), (data) =>
      data ? { ...data, topic: clear(data.topic) } : data,
    );
    this.refreshUnreadSoon(channelId);
  }

  // Many events in a burst (a catch-up, a busy channel) make one request, not one each.
  private refreshUnreadSoon(channelId: string) {
    this.staleChannels.add(channelId);
    if (this.unreadTimer) clearTimeout(this.unreadTimer);
    this.unreadTimer = setTimeout(() => {
      this.unreadTimer = null;
      void this.queryClient.invalidateQueries({ queryKey: threadKeys.channels });
      for (const id of this.staleChannels) {
        void this.queryClient.invalidateQueries({ queryKey: threadKeys.topics(id) });
      }
      this.staleChannels.clear();
    }, 1_000);
  }
}
