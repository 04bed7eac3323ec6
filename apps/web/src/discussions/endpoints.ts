// The discussions' HTTP endpoints: channels, topics, message pages, mentions and moderation.
import type { ChannelSummary, ThreadMessage, TopicSummary } from '@uccn/protocol';
import { apiRequest } from '../api/client';
import type { MessageWindow, TopicPage } from './cache';

const enc = encodeURIComponent;

/** A person or a city the composer can @-mention. */
export interface MentionCandidate {
  type: 'user' | 'city';
  id: string;
  name: string;
  city: { slug: string; name: string } | null;
}

/** Where a page of messages starts: the newest, or before, after or around one message. */
export type MessageAnchor =
  | { kind: 'latest' }
  | { kind: 'before' | 'after' | 'around'; messageId: string };

export const MESSAGE_PAGE_SIZE = 50;
export const TOPIC_PAGE_SIZE = 30;

export async function getChannels(): Promise<ChannelSummary[]> {
  return (await apiRequest<{ channels: ChannelSummary[] }>('/api/channels')).channels;
}

export function getTopics(channelId: string, cursor: string | null): Promise<TopicPage> {
  const params = new URLSearchParams({ limit: String(TOPIC_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return apiRequest(`/api/channels/${enc(channelId)}/topics?${params}`);
}

export function getTopic(
  topicId: string,
): Promise<{ topic: TopicSummary; channel: ChannelSummary }> {
  return apiRequest(`/api/topics/${enc(topicId)}`);
}

export function getMessages(topicId: string, anchor: MessageAnchor): Promise<MessageWindow> {
  const params = new URLSearchParams({ limit: String(MESSAGE_PAGE_SIZE) });
  if (anchor.kind !== 'latest') params.set(anchor.kind, anchor.messageId);
  return apiRequest(`/api/topics/${enc(topicId)}/messages?${params}`);
}

export async function getDocumentChannel(documentId: string): Promise<ChannelSummary> {
  const path = `/api/documents/${enc(documentId)}/channel`;
  return (await apiRequest<{ channel: ChannelSummary }>(path)).channel;
}

export async function getMentionables(
  q: string,
  signal?: AbortSignal,
): Promise<MentionCandidate[]> {
  const path = `/api/mentionables?${new URLSearchParams({ q })}`;
  const options = signal ? { signal } : {};
  return (await apiRequest<{ candidates: MentionCandidate[] }>(path, options)).candidates;
}

export async function hideMessage(messageId: string, reason: string): Promise<ThreadMessage> {
  const path = `/api/messages/${enc(messageId)}/hide`;
  return (await apiRequest<{ message: ThreadMessage }>(path, { method: 'POST', body: { reason } }))
    .message;
}

export async function lockTopic(topicId: string, locked: boolean): Promise<TopicSummary> {
  const path = `/api/topics/${enc(topicId)}/lock`;
  return (await apiRequest<{ topic: TopicSummary }>(path, { method: 'POST', body: { locked } }))
    .topic;
}

export async function muteUser(
  channelId: string,
  input: { userId: string; minutes: number; reason: string },
): Promise<{ userId: string; until: string }> {
  const path = `/api/channels/${enc(channelId)}/mutes`;
  const body = await apiRequest<{ mute: { userId: string; until: string } }>(path, {
    method: 'POST',
    body: input,
  });
  return body.mute;
}
