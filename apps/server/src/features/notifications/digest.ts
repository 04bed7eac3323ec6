// The daily email digest: unread notifications of the kinds a user wants by email, at most one
// mail a day per user. One node sends at a time (an advisory lock); a run is safe to repeat.
import { type Database, schema } from '@uccn/db';
import type { NotificationKind } from '@uccn/protocol';
import { and, asc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Logger } from '../../logger';
import type { Mailer } from '../../mailer/mailer';
import { EMAIL_BY_DEFAULT } from './service';

const { notifications, notificationPreferences, notificationDigests, users } = schema;

const DAY_MS = 24 * 60 * 60_000;
const MAX_ITEMS = 50;

export interface DigestOptions {
  db: Database;
  mailer: Mailer;
  publicUrl: string;
  log: Logger;
}

/** Sends the digests due at `now`; returns how many mails went out. */
export async function sendDigests(options: DigestOptions, now = new Date()): Promise<number> {
  const { db, mailer, publicUrl, log } = options;
  const pending = await db
    .select({
      id: notifications.id,
      userId: notifications.userId,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      url: notifications.url,
      email: users.email,
      name: users.name,
      lastSent: notificationDigests.sentAt,
      wants: notificationPreferences.email,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(notificationDigests, eq(notificationDigests.userId, notifications.userId))
    .leftJoin(
      notificationPreferences,
      and(
        eq(notificationPreferences.userId, notifications.userId),
        eq(notificationPreferences.kind, notifications.kind),
      ),
    )
    .where(
      and(
        isNull(notifications.readAt),
        isNull(notifications.emailedAt),
        eq(users.disabled, false),
        lt(notifications.createdAt, now),
      ),
    )
    .orderBy(asc(notifications.id));
  const byUser = new Map<string, typeof pending>();
  for (const row of pending) {
    const wants = row.wants ?? EMAIL_BY_DEFAULT[row.kind as NotificationKind] ?? false;
    if (!wants) continue;
    if (row.lastSent && now.getTime() - row.lastSent.getTime() < DAY_MS) continue;
    byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  }
  let sent = 0;
  for (const [userId, rows] of byUser) {
    const first = rows[0];
    if (!first) continue;
    const shown = rows.slice(0, MAX_ITEMS);
    const lines = shown.map((row) => `• ${row.title}\n  ${row.body}\n  ${publicUrl}${row.url}`);
    if (rows.length > shown.length) lines.push(`…and ${rows.length - shown.length} more.`);
    try {
      await mailer.send({
        to: first.email,
        subject: `UCCN Collab: ${rows.length} new notification${rows.length === 1 ? '' : 's'}`,
        text: `Hello ${first.name},\n\n${lines.join('\n\n')}\n\nChoose what reaches you by email: ${publicUrl}/notifications\n`,
      });
    } catch (error) {
      // The next run tries again: nothing was marked as sent.
      log.warn({ err: error, userId }, 'could not send a notification digest');
      continue;
    }
    await db.transaction(async (tx) => {
      await tx
        .update(notifications)
        .set({ emailedAt: now })
        .where(
          inArray(
            notifications.id,
            rows.map((row) => row.id),
          ),
        );
      await tx
        .insert(notificationDigests)
        .values({ userId, sentAt: now })
        .onConflictDoUpdate({ target: notificationDigests.userId, set: { sentAt: now } });
    });
    sent += 1;
  }
  return sent;
}

/** Runs `sendDigests` every few minutes on whichever node takes the lock first. */
export class DigestSchedule {
  private readonly timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly options: DigestOptions,
    private readonly database: { withLock<T>(name: string, task: () => Promise<T>): Promise<T> },
    everyMinutes: number,
  ) {
    if (everyMinutes > 0) {
      this.timer = setInterval(() => void this.runOnce(), everyMinutes * 60_000);
      this.timer.unref();
    }
  }

  async runOnce(now = new Date()) {
    if (this.running) return 0;
    this.running = true;
    try {
      return await this.database.withLock('uccn:digest', () => sendDigests(this.options, now));
    } catch (error) {
      this.options.log.warn({ err: error }, 'notification digest run failed; next run retries');
      return 0;
    } finally {
      this.running = false;
    }
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
  }
}
