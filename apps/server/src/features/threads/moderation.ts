// The Secretariat's moderation: hide a message (with a reason), lock or unlock a topic, mute
// someone in a channel for a while. Each is in the activity log and reaches open clients live.
import { type Database, schema } from '@uccn/db';
import { and, eq } from 'drizzle-orm';
import { recordActivity } from '../../activity/activity-log';
import { AppError } from '../../errors';
import type { SessionUser } from '../../http/context';
import { canModerate } from './access';
import type { ThreadService } from './service';
import { readMessage, readTopic, takeChannelSeq } from './views';

const { channelMutes, messages, topics, users } = schema;

function assertModerator(user: SessionUser) {
  if (!canModerate(user)) throw new AppError('forbidden', 'Only the Secretariat moderates.');
}

export class ThreadModeration {
  constructor(
    private readonly db: Database,
    private readonly threads: ThreadService,
  ) {}

  async hide(user: SessionUser, messageId: string, reason: string) {
    assertModerator(user);
    const id = Number(messageId);
    const [row] = Number.isSafeInteger(id)
      ? await this.db.select().from(messages).where(eq(messages.id, id))
      : [];
    if (!row) throw new AppError('message_not_found', 'There is no such message.');
    await this.db.transaction(async (tx) => {
      const seq = await takeChannelSeq(tx, row.channelId);
      await tx
        .update(messages)
        .set({ hiddenAt: new Date(), hiddenById: user.id, hiddenReason: reason, seq })
        .where(eq(messages.id, row.id));
      await recordActivity(tx, {
        actorId: user.id,
        action: 'message.hidden',
        subjectType: 'message',
        subjectId: String(row.id),
        details: { reason, channelId: row.channelId, topicId: row.topicId, authorId: row.authorId },
      });
    });
    const message = await readMessage(this.db, row.id);
    this.threads.broadcast?.messageChanged(message);
    return message;
  }

  async lock(user: SessionUser, topicId: string, locked: boolean) {
    assertModerator(user);
    const { row } = await this.threads.resolveTopic(user, topicId);
    await this.db.transaction(async (tx) => {
      const seq = await takeChannelSeq(tx, row.channelId);
      await tx
        .update(topics)
        .set(
          locked
            ? { lockedAt: new Date(), lockedById: user.id, seq }
            : { lockedAt: null, lockedById: null, seq },
        )
        .where(eq(topics.id, row.id));
      await recordActivity(tx, {
        actorId: user.id,
        action: locked ? 'topic.locked' : 'topic.unlocked',
        subjectType: 'topic',
        subjectId: row.id,
        details: { channelId: row.channelId },
      });
    });
    const topic = await readTopic(this.db, row.id);
    this.threads.broadcast?.topicChanged(topic);
    const [summary] = await this.threads.summarize(user, [topic]);
    return summary ?? { ...topic, unread: 0, firstUnreadMessageId: null };
  }

  async mute(
    user: SessionUser,
    channelId: string,
    input: { userId: string; minutes: number; reason: string },
  ) {
    assertModerator(user);
    const channel = await this.threads.channels.resolve(user, channelId);
    const [target] = await this.db
      .select({ id: users.id, cityId: users.cityId })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!target) throw new AppError('user_not_found', 'There is no such user.');
    const until = new Date(Date.now() + input.minutes * 60_000);
    await this.db.transaction(async (tx) => {
      await tx
        .insert(channelMutes)
        .values({
          channelId: channel.row.id,
          userId: target.id,
          until,
          reason: input.reason,
          byId: user.id,
        })
        .onConflictDoUpdate({
          target: [channelMutes.channelId, channelMutes.userId],
          set: { until, reason: input.reason, byId: user.id, at: new Date() },
        });
      await recordActivity(tx, {
        actorId: user.id,
        action: 'channel.user_muted',
        subjectType: 'channel',
        subjectId: channel.row.id,
        cityId: target.cityId,
        details: { userId: target.id, until: until.toISOString(), reason: input.reason },
      });
    });
    return { userId: target.id, until: until.toISOString() };
  }

  async unmute(user: SessionUser, channelId: string, userId: string) {
    assertModerator(user);
    const channel = await this.threads.channels.resolve(user, channelId);
    await this.db.transaction(async (tx) => {
      await tx
        .delete(channelMutes)
        .where(and(eq(channelMutes.channelId, channel.row.id), eq(channelMutes.userId, userId)));
      await recordActivity(tx, {
        actorId: user.id,
        action: 'channel.user_unmuted',
        subjectType: 'channel',
        subjectId: channel.row.id,
        details: { userId },
      });
    });
  }
}
