// Reads topics and messages with their authors and reactions, in the shapes the wire carries.
import { type Database, schema } from '@uccn/db';
import type { Author, Reaction, ReactionCount, ThreadMessage, Topic } from '@uccn/protocol';
import { REACTIONS } from '@uccn/protocol';
import { asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../errors';

const { channels, messages, messageReactions, topics, users, cities } = schema;

/** A transaction (or the database itself). */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Takes the channel's next seq, holding its row lock until the transaction ends. */
export async function takeChannelSeq(tx: Tx, channelId: string): Promise<number> {
  const [row] = await tx
    .update(channels)
    .set({ seq: sql`${channels.seq} + 1`, lastActivityAt: new Date() })
    .where(eq(channels.id, channelId))
    .returning({ seq: channels.seq });
  if (!row) throw new AppError('channel_not_found', 'There is no such channel.');
  return row.seq;
}

export async function readMessage(db: Database, id: number): Promise<ThreadMessage> {
  const [message] = await readMessages(db, eq(messages.id, id), [], 1);
  if (!message) throw new AppError('message_not_found', 'There is no such message.');
  return message;
}

export async function readTopic(db: Database, id: string): Promise<Topic> {
  const [topic] = await readTopics(db, eq(topics.id, id), [], 1);
  if (!topic) throw new AppError('topic_not_found', 'There is no such topic.');
  return topic;
}

export const authorColumns = {
  authorId: users.id,
  authorName: users.name,
  authorRole: users.role,
  citySlug: cities.slug,
  cityName: cities.name,
};

export type AuthorColumns = {
  authorId: string | null;
  authorName: string | null;
  authorRole: Author['role'] | null;
  citySlug: string | null;
  cityName: string | null;
};

export function author(row: AuthorColumns): Author | null {
  if (!row.authorId || !row.authorName) return null;
  return {
    id: row.authorId,
    name: row.authorName,
    role: row.authorRole ?? 'member',
    city: row.citySlug && row.cityName ? { slug: row.citySlug, name: row.cityName } : null,
  };
}

const iso = (date: Date) => date.toISOString();

/** Messages matching `where`, in `order`, with authors and reactions. */
export async function readMessages(
  db: Database,
  where: SQL | undefined,
  order: SQL[],
  limit: number,
): Promise<ThreadMessage[]> {
  const rows = await db
    .select({ message: messages, ...authorColumns })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorId))
    .leftJoin(cities, eq(cities.id, users.cityId))
    .where(where)
    .orderBy(...order)
    .limit(limit);
  const reactions = await readReactions(
    db,
    rows.map((row) => row.message.id),
  );
  return rows.map((row) => messageView(row.message, author(row), reactions.get(row.message.id)));
}

async function readReactions(db: Database, messageIds: number[]) {
  const byMessage = new Map<number, ReactionCount[]>();
  if (messageIds.length === 0) return byMessage;
  const rows = await db
    .select()
    .from(messageReactions)
    .where(inArray(messageReactions.messageId, messageIds))
    .orderBy(asc(messageReactions.at));
  for (const row of rows) {
    const list = byMessage.get(row.messageId) ?? [];
    let entry = list.find((reaction) => reaction.emoji === row.emoji);
    if (!entry) {
      entry = { emoji: row.emoji as Reaction, userIds: [] };
      list.push(entry);
    }
    entry.userIds.push(row.userId);
    byMessage.set(row.messageId, list);
  }
  for (const list of byMessage.values()) {
    list.sort((a, b) => REACTIONS.indexOf(a.emoji) - REACTIONS.indexOf(b.emoji));
  }
  return byMessage;
}

export function messageView(
  row: typeof messages.$inferSelect,
  by: Author | null,
  reactions: ReactionCount[] = [],
): ThreadMessage {
  const gone = row.deletedAt !== null || row.hiddenAt !== null;
  return {
    id: String(row.id),
    channelId: row.channelId,
    topicId: row.topicId,
    author: by,
    body: gone ? '' : row.body,
    mentions: gone ? [] : row.mentions,
    reactions: gone ? [] : reactions,
    createdAt: iso(row.createdAt),
    editedAt: row.editedAt ? iso(row.editedAt) : null,
    deleted: row.deletedAt !== null,
    hidden:
      row.hiddenAt && !row.deletedAt
        ? { reason: row.hiddenReason ?? '', at: iso(row.hiddenAt) }
        : null,
    seq: row.seq,
  };
}

/** Topics matching `where`, with their authors and opening messages. */
export async function readTopics(
  db: Database,
  where: SQL | undefined,
  order: SQL[],
  limit: number,
): Promise<Topic[]> {
  const rows = await db
    .select({ topic: topics, ...authorColumns })
    .from(topics)
    .leftJoin(users, eq(users.id, topics.authorId))
    .leftJoin(cities, eq(cities.id, users.cityId))
    .where(where)
    .orderBy(...order)
    .limit(limit);
  if (rows.length === 0) return [];
  const firstMessages = await db
    .selectDistinctOn([messages.topicId], { topicId: messages.topicId, id: messages.id })
    .from(messages)
    .where(
      inArray(
        messages.topicId,
        rows.map((row) => row.topic.id),
      ),
    )
    .orderBy(messages.topicId, asc(messages.postedSeq));
  const firstById = new Map(firstMessages.map((row) => [row.topicId, String(row.id)]));
  return rows.map((row) => topicView(row.topic, author(row), firstById.get(row.topic.id) ?? ''));
}

export function topicView(
  row: typeof topics.$inferSelect,
  by: Author | null,
  firstMessageId: string,
): Topic {
  return {
    id: row.id,
    channelId: row.channelId,
    title: row.title,
    author: by,
    createdAt: iso(row.createdAt),
    lastMessageAt: iso(row.lastMessageAt),
    replyCount: row.replyCount,
    locked: row.lockedAt !== null,
    firstMessageId,
    seq: row.seq,
  };
}
