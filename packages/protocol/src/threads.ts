// Discussion threads over socket.io: the typed events both ways, the acknowledgement shape and
// its error codes, and the limits a client can check before sending. Shared by server and web.
import type { CommentClientEvents, CommentServerEvents } from './comments';

/** Longest message body, in characters (UTF-16 code units, as JavaScript counts). */
export const MAX_MESSAGE_LENGTH = 10_000;
/** Longest topic title, in characters. */
export const MAX_TOPIC_TITLE_LENGTH = 200;
/** Longest idempotency key a client may send with a post. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 100;
/** The reactions a message can get: a small fixed set, so they read the same everywhere. */
export const REACTIONS = ['👍', '❤️', '🎉', '😄', '🤔', '👀'] as const;
export type Reaction = (typeof REACTIONS)[number];
/** socket.io's `maxHttpBufferSize` on the server: a bigger frame closes the connection. */
export const THREADS_MAX_FRAME_BYTES = 64 * 1024;

export type ChannelKind = 'field' | 'document' | 'announcements';

export interface ChannelSummary {
  id: string;
  kind: ChannelKind;
  /** Stable and readable: a field's slug, `announcements`, or `document-<uuid>`. */
  slug: string;
  name: string;
  /** The creative field of a field channel. */
  field: { slug: string; name: string; nameFr: string } | null;
  /** The proposal or shared document a document channel discusses. */
  documentId: string | null;
  /** Whether the user may start topics and reply here (not while muted). */
  canPost: boolean;
  /** Muted in this channel until then (ISO time), or null. */
  mutedUntil: string | null;
  /** The channel's change counter: every post, edit, deletion, reaction, lock bumps it. */
  seq: number;
  unread: number;
  topicCount: number;
  lastActivityAt: string | null;
}

export interface Author {
  id: string;
  name: string;
  city: { slug: string; name: string } | null;
  role: 'secretariat' | 'focal_point' | 'member';
}

/** A topic as everyone sees it. */
export interface Topic {
  id: string;
  channelId: string;
  title: string;
  author: Author | null;
  createdAt: string;
  lastMessageAt: string;
  /** Messages after the opening one. */
  replyCount: number;
  locked: boolean;
  /** The opening message. */
  firstMessageId: string;
  /** The channel change counter when the topic last changed. */
  seq: number;
}

/** A topic as one user sees it, with their unread count. */
export interface TopicSummary extends Topic {
  unread: number;
  /** The first message the user has not read, for "jump to first unread". */
  firstUnreadMessageId: string | null;
}

export interface Mention {
  type: 'user' | 'city';
  /** A user id, or a city slug. */
  id: string;
  name: string;
  /** Where the mention is in the body: [start, end) in UTF-16 code units. */
  start: number;
  end: number;
}

export interface ReactionCount {
  emoji: Reaction;
  /** Who reacted, oldest first (the count is its length). */
  userIds: string[];
}

export interface ThreadMessage {
  /** A decimal string: ids are 64-bit. Ordered by creation within a channel. */
  id: string;
  channelId: string;
  topicId: string;
  author: Author | null;
  /** Empty when deleted or hidden (the row stays, so replies keep their place). */
  body: string;
  mentions: Mention[];
  reactions: ReactionCount[];
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  /** Hidden by the Secretariat, with the reason shown in place of the text. */
  hidden: { reason: string; at: string } | null;
  /** The channel change counter when the message last changed (posted, edited, reacted…). */
  seq: number;
}

/** Everything in a channel that changed after a counter value: the catch-up after a drop. */
export interface ChannelChanges {
  channelId: string;
  /** The counter to ask from next time. */
  seq: number;
  topics: Topic[];
  messages: ThreadMessage[];
  /** True when more changes wait: ask again from `seq`. */
  more: boolean;
}

export interface OnlineMember {
  userId: string;
  name: string;
  city: { slug: string; name: string } | null;
}

/** Stable error codes of a failed acknowledgement. */
export const ThreadErrorCode = {
  InvalidPayload: 'invalid_payload',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  ChannelNotFound: 'channel_not_found',
  /** A document's comments were asked for, and there is no such document. */
  DocumentNotFound: 'document_not_found',
  TopicNotFound: 'topic_not_found',
  MessageNotFound: 'message_not_found',
  NotJoined: 'not_joined',
  TopicLocked: 'topic_locked',
  Muted: 'muted',
  MessageTooLong: 'message_too_long',
  RateLimited: 'rate_limited',
  Internal: 'internal',
} as const;
export type ThreadErrorCode = (typeof ThreadErrorCode)[keyof typeof ThreadErrorCode];

export interface ThreadError {
  code: ThreadErrorCode;
  message: string;
  /** Seconds to wait before trying again (rate limits, mutes). */
  retryAfter?: number;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ThreadError };
export type AckCallback<T> = (response: Ack<T>) => void;

export interface Notification {
  /** Decimal string, increasing. */
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** Where the web app opens it, e.g. `/discussions/<channel>/<topic>?message=<id>`. */
  url: string;
  actor: { id: string; name: string } | null;
  createdAt: string;
  readAt: string | null;
}

export const NOTIFICATION_KINDS = [
  'mention',
  'reply',
  'proposal_invitation',
  'proposal_status',
  'initiative_decision',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Client → server. Every event but `typing` takes an acknowledgement callback. */
export interface ThreadClientEvents extends CommentClientEvents {
  /** Subscribe to a channel's live events and presence. */
  'channel:join': (
    payload: { channelId: string },
    ack: AckCallback<{ channel: ChannelSummary; online: OnlineMember[] }>,
  ) => void;
  'channel:leave': (payload: { channelId: string }, ack: AckCallback<null>) => void;
  /** What changed in a channel after `seq` (after a drop that socket.io could not recover). */
  'channel:sync': (
    payload: { channelId: string; seq: number },
    ack: AckCallback<ChannelChanges>,
  ) => void;
  'topic:create': (
    payload: { channelId: string; title: string; body: string; idempotencyKey: string },
    ack: AckCallback<{ topic: TopicSummary; message: ThreadMessage }>,
  ) => void;
  /** Acknowledged after the message is stored; the same key again returns the same message. */
  'message:post': (
    payload: { topicId: string; body: string; idempotencyKey: string },
    ack: AckCallback<{ message: ThreadMessage }>,
  ) => void;
  'message:edit': (
    payload: { messageId: string; body: string },
    ack: AckCallback<{ message: ThreadMessage }>,
  ) => void;
  'message:delete': (
    payload: { messageId: string },
    ack: AckCallback<{ message: ThreadMessage }>,
  ) => void;
  'reaction:toggle': (
    payload: { messageId: string; emoji: Reaction },
    ack: AckCallback<{ message: ThreadMessage }>,
  ) => void;
  /** Marks the topic read up to (and including) this message. */
  'topic:read': (
    payload: { topicId: string; messageId: string },
    ack: AckCallback<{ unread: number }>,
  ) => void;
  /** Fire and forget; repeated while typing, expires by itself after a few seconds. */
  typing: (payload: { topicId: string; typing: boolean }) => void;
}

/** Server → client. */
export interface ThreadServerEvents extends CommentServerEvents {
  /** A new or changed topic (reply count, lock): the client keeps the highest `seq`. */
  'topic:changed': (payload: { topic: Topic }) => void;
  /** A new, edited, deleted, hidden or reacted message: the client keeps the highest `seq`. */
  'message:changed': (payload: { message: ThreadMessage }) => void;
  typing: (payload: {
    channelId: string;
    topicId: string;
    user: OnlineMember;
    typing: boolean;
  }) => void;
  'channel:online': (payload: { channelId: string; online: OnlineMember[] }) => void;
  'notification:new': (payload: { notification: Notification; unread: number }) => void;
  'notification:read': (payload: { unread: number }) => void;
  /** An event that could not be answered with an acknowledgement (none was given). */
  'thread:error': (payload: { event: string; error: ThreadError }) => void;
}
