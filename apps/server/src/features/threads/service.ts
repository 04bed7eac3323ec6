// Topics and messages: start a topic, reply, edit, delete, react, mark read, and the reads that
// page through history or catch a client up. Every change takes the channel's next seq under
// the channel row's lock (see the schema), then is broadcast to the channel after it commits.
import { type Database, schema } from '@uccn/db';
import {
  type ChannelChanges,
  MAX_MESSAGE_LENGTH,
  type Reaction,
  type ThreadMessage,
  type Topic,
  type TopicSummary,
} from '@uccn/protocol';
import { and, asc, count, desc, eq, gt, inArray, isNull, lt, lte, min, sql } from 'drizzle-orm';
import { AppError } from '../../errors';
import type { SessionUser } from '../../http/context';
import type { Logger } from '../../logger';
import { canReply } from './access';
import { assertCanPost, type ChannelDirectory } from './channels';
import type { MessageNotifier } from './message-notifier';
import { readMessage, readMessages, readTopic, readTopics, takeChannelSeq } from './views';

const { messages, messageReactions, topicReads, topics } = schema;

/** Where changes go once committed: the channel's sockets, on every node. */
export interface ThreadBroadcast {
  topicChanged(topic: Topic): void;
  messageChanged(message: ThreadMessage): void;
}

export interface HistoryQuery {
  before?: string;
  after?: string;
  around?: string;
  limit: number;
}

const CHANGES_PAGE = 500;

function checkBody(body: string) {
  if (body.trim().length === 0) throw new AppError('validation_failed', 'Write something first.');
  if (body.length > MAX_MESSAGE_LENGTH) {
    throw new AppError(
      'message_too_long',
      `A message holds at most ${MAX_MESSAGE_LENGTH} characters; this one has ${body.length}.`,
    );
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } })?.code;
  const causeCode = (error as { cause?: { code?: string } })?.cause?.code;
  return code === '23505' || causeCode === '23505';
}

export class ThreadService {
  /** Set once the socket.io server exists; changes are stored either way. */
  broadcast: ThreadBroadcast | undefined;

  constructor(
    private readonly db: Database,
    readonly channels: ChannelDirectory,
    private readonly notifier: MessageNotifier,
    private readonly log: Logger,
  ) {}

  /** The topic and its channel, checked for reading. */
  async resolveTopic(user: SessionUser, topicId: string) {
    const [row] = await this.db.select().from(topics).where(eq(topics.id, topicId));
    if (!row) throw new AppError('topic_not_found', 'There is no such topic.');
    const channel = await this.channels.resolve(user, row.channelId);
    return { row, channel };
  }

  private async resolveMessage(user: SessionUser, messageId: string) {
    const id = Number(messageId);
    const [row] = Number.isSafeInteger(id)
      ? await this.db.select().from(messages).where(eq(messages.id, id))
      : [];
    if (!row) throw new AppError('message_not_found', 'There is no such message.');
    const channel = await this.channels.resolve(user, row.channelId);
    return { row, channel };
  }

  /** The message this author already posted with this key, if any. */
  private async existingPost(user: SessionUser, idempotencyKey: string) {
    const [row] = await this.db
      .select({ id: messages.id, topicId: messages.topicId })
      .from(messages)
      .where(and(eq(messages.authorId, user.id), eq(messages.idempotencyKey, idempotencyKey)));
    return row;
  }

  async createTopic(
    user: SessionUser,
    input: { channelId: string; title: string; body: string; idempotencyKey: string },
  ): Promise<{ topic: Topic; message: ThreadMessage }> {
    checkBody(input.body);
    const title = input.title.trim();
    if (!title) throw new AppError('validation_failed', 'A topic needs a title.');
    const channel = await this.channels.resolve(user, input.channelId, 'post');
    const again = await this.existingPost(user, input.idempotencyKey);
    if (again) {
      return {
        topic: await readTopic(this.db, again.topicId),
        message: await readMessage(this.db, again.id),
      };
    }
    const mentions = await this.notifier.findMentions(input.body);
    let created: { topicId: string; messageId: number };
    try {
      created = await this.db.transaction(async (tx) => {
        const seq = await takeChannelSeq(tx, channel.row.id);
        const [topic] = await tx
          .insert(topics)
          .values({ channelId: channel.row.id, title, authorId: user.id, seq })
          .returning({ id: topics.id });
        if (!topic) throw new Error('topic insert returned nothing');
        const [message] = await tx
          .insert(messages)
          .values({
            channelId: channel.row.id,
            topicId: topic.id,
            authorId: user.id,
            body: input.body,
            mentions,
            idempotencyKey: input.idempotencyKey,
            postedSeq: seq,
            seq,
          })
          .returning({ id: messages.id });
        if (!message) throw new Error('message insert returned nothing');
        await this.markReadIn(tx, user.id, topic.id, channel.row.id, seq);
        return { topicId: topic.id, messageId: message.id };
      });
    } catch (error) {
      const raced = isUniqueViolation(error)
        ? await this.existingPost(user, input.idempotencyKey)
        : undefined;
      if (!raced) throw error;
      created = { topicId: raced.topicId, messageId: raced.id };
    }
    const topic = await readTopic(this.db, created.topicId);
    const message = await readMessage(this.db, created.messageId);
    this.broadcast?.topicChanged(topic);
    this.broadcast?.messageChanged(message);
    this.afterPost(user, channel, topic, message, false);
    return { topic, message };
  }

  /** A reply; acknowledged once stored. The same idempotency key returns the first reply. */
  async post(
    user: SessionUser,
    input: { topicId: string; body: string; idempotencyKey: string },
  ): Promise<ThreadMessage> {
    checkBody(input.body);
    const { row: topicRow, channel } = await this.resolveTopic(user, input.topicId);
    const again = await this.existingPost(user, input.idempotencyKey);
    if (again) return readMessage(this.db, again.id);
    assertCanPost(channel);
    if (!canReply(user, { locked: topicRow.lockedAt !== null })) {
      throw new AppError('topic_locked', 'This topic is locked: no more replies.');
    }
    const mentions = await this.notifier.findMentions(input.body);
    let messageId: number;
    try {
      messageId = await this.db.transaction(async (tx) => {
        const seq = await takeChannelSeq(tx, channel.row.id);
        const [message] = await tx
          .insert(messages)
          .values({
            channelId: channel.row.id,
            topicId: topicRow.id,
            authorId: user.id,
            body: input.body,
            mentions,
            idempotencyKey: input.idempotencyKey,
            postedSeq: seq,
            seq,
          })
          .returning({ id: messages.id });
        if (!message) throw new Error('message insert returned nothing');
        await tx
          .update(topics)
          .set({ replyCount: sql`${topics.replyCount} + 1`, lastMessageAt: new Date(), seq })
          .where(eq(topics.id, topicRow.id));
        await this.markReadIn(tx, user.id, topicRow.id, channel.row.id, seq);
        return message.id;
      });
    } catch (error) {
      const raced = isUniqueViolation(error)
        ? await this.existingPost(user, input.idempotencyKey)
        : undefined;
      if (!raced) throw error;
      return readMessage(this.db, raced.id);
    }
    const message = await readMessage(this.db, messageId);
    const topic = await readTopic(this.db, topicRow.id);
    this.broadcast?.messageChanged(message);
    this.broadcast?.topicChanged(topic);
    this.afterPost(user, channel, topic, message, true);
    return message;
  }

  private afterPost(
    user: SessionUser,
    channel: Awaited<ReturnType<ChannelDirectory['resolve']>>,
    topic: Topic,
    message: ThreadMessage,
    isReply: boolean,
  ) {
    // The sender's ack does not wait for notifications; a failure there is logged, not lost
    // silently, and never undoes the stored message.
    this.notifier
      .messagePosted(user, channel, topic, message, isReply)
      .catch((error) => this.log.error({ err: error }, 'could not notify about a message'));
  }

  /** Changes a message of one's own; mentions found anew. */
  async edit(user: SessionUser, input: { messageId: string; body: string }) {
    checkBody(input.body);
    const { row, channel } = await this.resolveMessage(user, input.messageId);
    if (row.authorId !== user.id)
      throw new AppError('forbidden', 'You can only edit your own messages.');
    if (row.deletedAt || row.hiddenAt)
      throw new AppError('message_not_found', 'This message is gone.');
    assertCanPost(channel);
    const mentions = await this.notifier.findMentions(input.body);
    await this.db.transaction(async (tx) => {
      const seq = await takeChannelSeq(tx, row.channelId);
      await tx
        .update(messages)
        .set({ body: input.body, mentions, editedAt: new Date(), seq })
        .where(eq(messages.id, row.id));
    });
    const message = await readMessage(this.db, row.id);
    this.broadcast?.messageChanged(message);
    const topic = await readTopic(this.db, row.topicId);
    this.afterPost(user, channel, topic, message, false);
    return message;
  }

  /** Deletes a message of one's own: it stays as a placeholder, so replies keep their place. */
  async remove(user: SessionUser, input: { messageId: string }) {
    const { row } = await this.resolveMessage(user, input.messageId);
    if (row.authorId !== user.id) {
      throw new AppError('forbidden', 'You can only delete your own messages.');
    }
    if (!row.deletedAt) {
      await this.db.transaction(async (tx) => {
        const seq = await takeChannelSeq(tx, row.channelId);
        await tx
          .update(messages)
          .set({ deletedAt: new Date(), seq })
          .where(eq(messages.id, row.id));
      });
    }
    const message = await readMessage(this.db, row.id);
    this.broadcast?.messageChanged(message);
    return message;
  }

  /** Adds the user's reaction, or takes it back if it is there. */
  async toggleReaction(user: SessionUser, input: { messageId: string; emoji: Reaction }) {
    const { row } = await this.resolveMessage(user, input.messageId);
    if (row.deletedAt || row.hiddenAt)
      throw new AppError('message_not_found', 'This message is gone.');
    await this.db.transaction(async (tx) => {
      const seq = await takeChannelSeq(tx, row.channelId);
      const added = await tx
        .insert(messageReactions)
        .values({ messageId: row.id, userId: user.id, emoji: input.emoji })
        .onConflictDoNothing()
        .returning({ at: messageReactions.at });
      if (added.length === 0) {
        await tx
          .delete(messageReactions)
          .where(
            and(
              eq(messageReactions.messageId, row.id),
              eq(messageReactions.userId, user.id),
              eq(messageReactions.emoji, input.emoji),
            ),
          );
      }
      await tx.update(messages).set({ seq }).where(eq(messages.id, row.id));
    });
    const message = await readMessage(this.db, row.id);
    this.broadcast?.messageChanged(message);
    return message;
  }

  private async markReadIn(
    tx: Pick<Database, 'insert'>,
    userId: string,
    topicId: string,
    channelId: string,
    readSeq: number,
  ) {
    await tx
      .insert(topicReads)
      .values({ userId, topicId, channelId, readSeq })
      .onConflictDoUpdate({
        target: [topicReads.userId, topicReads.topicId],
        set: { readSeq: sql`greatest(${topicReads.readSeq}, ${readSeq})`, at: new Date() },
      });
  }

  /** Marks the topic read up to this message; returns what is still unread in the topic. */
  async markRead(user: SessionUser, input: { topicId: string; messageId: string }) {
    const { row: topic } = await this.resolveTopic(user, input.topicId);
    const id = Number(input.messageId);
    const [message] = Number.isSafeInteger(id)
      ? await this.db
          .select({ postedSeq: messages.postedSeq })
          .from(messages)
          .where(and(eq(messages.id, id), eq(messages.topicId, topic.id)))
      : [];
    if (!message)
      throw new AppError('message_not_found', 'There is no such message in this topic.');
    await this.markReadIn(this.db, user.id, topic.id, topic.channelId, message.postedSeq);
    const [summary] = await this.unreadByTopic(user, [topic.id]);
    return { unread: summary?.unread ?? 0 };
  }

  private async unreadByTopic(user: SessionUser, topicIds: string[]) {
    if (topicIds.length === 0) return [];
    return this.db
      .select({ topicId: messages.topicId, unread: count(), first: min(messages.id) })
      .from(messages)
      .leftJoin(
        topicReads,
        and(eq(topicReads.topicId, messages.topicId), eq(topicReads.userId, user.id)),
      )
      .where(
        and(
          inArray(messages.topicId, topicIds),
          sql`${messages.postedSeq} > coalesce(${topicReads.readSeq}, 0)`,
          sql`${messages.authorId} is distinct from ${user.id}`,
          isNull(messages.deletedAt),
          isNull(messages.hiddenAt),
        ),
      )
      .groupBy(messages.topicId);
  }

  /** Topics with the user's unread counts. */
  async summarize(user: SessionUser, list: Topic[]): Promise<TopicSummary[]> {
    const unread = new Map(
      (
        await this.unreadByTopic(
          user,
          list.map((topic) => topic.id),
        )
      ).map((row) => [row.topicId, row]),
    );
    return list.map((topic) => {
      const entry = unread.get(topic.id);
      return {
        ...topic,
        unread: entry?.unread ?? 0,
        firstUnreadMessageId: entry?.first != null ? String(entry.first) : null,
      };
    });
  }

  /** A channel's topics, most recently active first; the cursor is the last topic's seq. */
  async listTopics(
    user: SessionUser,
    channelId: string,
    options: { cursor?: string; limit: number },
  ) {
    const channel = await this.channels.resolve(user, channelId);
    const cursor = options.cursor ? Number(options.cursor) : undefined;
    const list = await readTopics(
      this.db,
      and(
        eq(topics.channelId, channel.row.id),
        cursor !== undefined && Number.isSafeInteger(cursor) ? lt(topics.seq, cursor) : undefined,
      ),
      [desc(topics.seq)],
      options.limit + 1,
    );
    const page = list.slice(0, options.limit);
    return {
      topics: await this.summarize(user, page),
      nextCursor: list.length > options.limit ? String(page.at(-1)?.seq) : null,
    };
  }

  async topic(user: SessionUser, topicId: string) {
    const { channel } = await this.resolveTopic(user, topicId);
    const [topic] = await this.summarize(user, [await readTopic(this.db, topicId)]);
    if (!topic) throw new AppError('topic_not_found', 'There is no such topic.');
    return { topic, channel: await this.channels.summary(user, channel) };
  }

  /** A page of a topic, oldest first: before or after a message, or around one (to open it). */
  async history(user: SessionUser, topicId: string, query: HistoryQuery) {
    await this.resolveTopic(user, topicId);
    const inTopic = eq(messages.topicId, topicId);
    const cursor = (value: string | undefined) => {
      const id = Number(value);
      if (value === undefined) return undefined;
      if (!Number.isSafeInteger(id))
        throw new AppError('validation_failed', 'A cursor is a message id.');
      return id;
    };
    const [before, after, around] = [
      cursor(query.before),
      cursor(query.after),
      cursor(query.around),
    ];
    const older = (from: number | undefined, limit: number, inclusive = false) =>
      readMessages(
        this.db,
        and(
          inTopic,
          from === undefined
            ? undefined
            : inclusive
              ? lte(messages.id, from)
              : lt(messages.id, from),
        ),
        [desc(messages.id)],
        limit + 1,
      );
    const newer = (from: number, limit: number) =>
      readMessages(this.db, and(inTopic, gt(messages.id, from)), [asc(messages.id)], limit + 1);
    if (after !== undefined) {
      const rows = await newer(after, query.limit);
      return {
        messages: rows.slice(0, query.limit),
        hasBefore: true,
        hasAfter: rows.length > query.limit,
      };
    }
    if (around !== undefined) {
      const half = Math.max(1, Math.floor(query.limit / 2));
      const [up, down] = await Promise.all([older(around, half, true), newer(around, half)]);
      return {
        messages: [...up.slice(0, half).reverse(), ...down.slice(0, half)],
        hasBefore: up.length > half,
        hasAfter: down.length > half,
      };
    }
    const rows = await older(before, query.limit);
    return {
      messages: rows.slice(0, query.limit).reverse(),
      hasBefore: rows.length > query.limit,
      hasAfter: before !== undefined,
    };
  }

  /** Everything in the channel that changed after `seq`: a gap-free catch-up, in pages. */
  async changesSince(user: SessionUser, channelId: string, seq: number): Promise<ChannelChanges> {
    const channel = await this.channels.resolve(user, channelId);
    // Every change up to the channel's committed seq is itself committed (same transaction).
    const upTo = channel.row.seq;
    const changed = await readMessages(
      this.db,
      and(eq(messages.channelId, channelId), gt(messages.seq, seq), lte(messages.seq, upTo)),
      [asc(messages.seq)],
      CHANGES_PAGE + 1,
    );
    const more = changed.length > CHANGES_PAGE;
    const page = changed.slice(0, CHANGES_PAGE);
    const through = more ? (page.at(-1)?.seq ?? upTo) : upTo;
    const changedTopics = await readTopics(
      this.db,
      and(eq(topics.channelId, channelId), gt(topics.seq, seq), lte(topics.seq, through)),
      [asc(topics.seq)],
      10_000,
    );
    return { channelId, seq: through, topics: changedTopics, messages: page, more };
  }
}
