// Discussion threads: channels (one per creative field, per proposal or shared document, and the
// Secretariat's announcements), topics with replies, reactions, read marks and mutes.
//
// Every change in a channel (post, edit, deletion, reaction, lock) takes the next value of the
// channel's `seq` under the channel row's lock, and stamps it on what changed. So "everything
// after seq N" is a complete, gap-free catch-up for a client that dropped: commit order and seq
// order agree within a channel.
import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { documents } from './documents';
import { creativeFields } from './network';

export const CHANNEL_KINDS = ['field', 'document', 'announcements'] as const;
export type ChannelKindValue = (typeof CHANNEL_KINDS)[number];

export const channels = pgTable('channels', {
  id: uuid().primaryKey().defaultRandom(),
  kind: text({ enum: CHANNEL_KINDS }).notNull(),
  slug: text().notNull().unique(),
  fieldId: integer()
    .unique()
    .references(() => creativeFields.id),
  documentId: uuid()
    .unique()
    .references(() => documents.id, { onDelete: 'cascade' }),
  /** The change counter: the seq of the latest change in this channel. */
  seq: bigint({ mode: 'number' }).notNull().default(0),
  lastActivityAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const topics = pgTable(
  'topics',
  {
    id: uuid().primaryKey().defaultRandom(),
    channelId: uuid()
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    authorId: text().references(() => users.id, { onDelete: 'set null' }),
    replyCount: integer().notNull().default(0),
    lockedAt: timestamp({ withTimezone: true }),
    lockedById: text().references(() => users.id, { onDelete: 'set null' }),
    seq: bigint({ mode: 'number' }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastMessageAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.channelId, t.lastMessageAt), index().on(t.channelId, t.seq)],
);

export interface StoredMention {
  type: 'user' | 'city';
  id: string;
  name: string;
  start: number;
  end: number;
}

export const messages = pgTable(
  'messages',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    channelId: uuid()
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    topicId: uuid()
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    authorId: text().references(() => users.id, { onDelete: 'set null' }),
    /** Stored exactly as written; rendered as text by clients. */
    body: text().notNull(),
    mentions: jsonb().$type<StoredMention[]>().notNull().default([]),
    /** Set by the author's client; the same key twice returns the first message. */
    idempotencyKey: text(),
    /** The seq at which the message was posted: its place in the topic. */
    postedSeq: bigint({ mode: 'number' }).notNull(),
    /** The seq of its latest change. */
    seq: bigint({ mode: 'number' }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
    hiddenAt: timestamp({ withTimezone: true }),
    hiddenById: text().references(() => users.id, { onDelete: 'set null' }),
    hiddenReason: text(),
  },
  (t) => [
    index().on(t.topicId, t.postedSeq),
    index().on(t.channelId, t.seq),
    uniqueIndex().on(t.authorId, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
  ],
);

export const messageReactions = pgTable(
  'message_reactions',
  {
    messageId: bigint({ mode: 'number' })
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    emoji: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.userId, t.emoji] })],
);

/** How far each user has read each topic. Unread = messages posted after, by someone else. */
export const topicReads = pgTable(
  'topic_reads',
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    topicId: uuid()
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    channelId: uuid()
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    /** The postedSeq of the last message read. */
    readSeq: bigint({ mode: 'number' }).notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.topicId] }), index().on(t.userId, t.channelId)],
);

/** A user muted in a channel by the Secretariat: cannot post until `until`. */
export const channelMutes = pgTable(
  'channel_mutes',
  {
    channelId: uuid()
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    until: timestamp({ withTimezone: true }).notNull(),
    reason: text().notNull(),
    byId: text().references(() => users.id, { onDelete: 'set null' }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.userId] })],
);
