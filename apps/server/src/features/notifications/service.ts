// In-app notifications: stored per user, pushed live to their open sockets, read and unread,
// and each user's choice of which kinds also go out in the daily email digest.
import { type Database, schema } from '@uccn/db';
import { NOTIFICATION_KINDS, type Notification, type NotificationKind } from '@uccn/protocol';
import { and, count, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { SessionUser } from '../../http/context';

const { notifications, notificationPreferences, users } = schema;

export interface NotificationInput {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** Where the web app opens it. */
  url: string;
  actorId: string | null;
  /** What it is about (`message:42`): one notification per user, kind and subject. */
  subject: string;
}

/** Delivers live events to a user's open connections (socket.io), wherever they are. */
export interface NotificationPush {
  created(userId: string, notification: Notification, unread: number): void;
  read(userId: string, unread: number): void;
}

/** By email unless the user says otherwise: what asks for an answer or a decision. */
export const EMAIL_BY_DEFAULT: Record<NotificationKind, boolean> = {
  mention: true,
  reply: false,
  proposal_invitation: true,
  proposal_status: true,
  initiative_decision: true,
};

type NotificationRow = typeof notifications.$inferSelect;

export class NotificationService {
  /** Set once the socket.io server exists; until then notifications are stored only. */
  push: NotificationPush | undefined;

  constructor(private readonly db: Database) {}

  /** Stores notifications (a repeat of the same subject is ignored) and pushes them live. */
  async notify(inputs: NotificationInput[]) {
    if (inputs.length === 0) return;
    const inserted = await this.db
      .insert(notifications)
      .values(inputs)
      .onConflictDoNothing()
      .returning();
    for (const row of inserted) {
      const view = await this.view(row);
      this.push?.created(row.userId, view, await this.unreadCount(row.userId));
    }
  }

  async unreadCount(userId: string) {
    const [row] = await this.db
      .select({ unread: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    return row?.unread ?? 0;
  }

  /** The user's notifications, newest first, a page at a time. */
  async list(user: SessionUser, options: { before?: string; limit: number }) {
    const rows = await this.db
      .select({ row: notifications, actorName: users.name })
      .from(notifications)
      .leftJoin(users, eq(users.id, notifications.actorId))
      .where(
        and(
          eq(notifications.userId, user.id),
          options.before ? lt(notifications.id, Number(options.before)) : undefined,
        ),
      )
      .orderBy(desc(notifications.id))
      .limit(options.limit + 1);
    const page = rows.slice(0, options.limit);
    return {
      notifications: page.map(({ row, actorName }) => toView(row, actorName)),
      unread: await this.unreadCount(user.id),
      nextCursor: rows.length > options.limit ? String(page.at(-1)?.row.id) : null,
    };
  }

  /** Marks some (or all) of the user's notifications read; returns the unread count left. */
  async markRead(user: SessionUser, which: { ids?: string[]; all?: boolean }) {
    const ids = (which.ids ?? []).map(Number).filter(Number.isSafeInteger);
    if (!which.all && ids.length === 0) return this.unreadCount(user.id);
    await this.db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(
        and(
          eq(notifications.userId, user.id),
          isNull(notifications.readAt),
          which.all ? undefined : inArray(notifications.id, ids),
        ),
      );
    const unread = await this.unreadCount(user.id);
    this.push?.read(user.id, unread);
    return unread;
  }

  async preferences(userId: string) {
    const rows = await this.db
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId));
    const chosen = new Map(rows.map((row) => [row.kind, row.email]));
    return NOTIFICATION_KINDS.map((kind) => ({
      kind,
      email: chosen.get(kind) ?? EMAIL_BY_DEFAULT[kind],
    }));
  }

  async setPreferences(userId: string, preferences: { kind: NotificationKind; email: boolean }[]) {
    if (preferences.length > 0) {
      await this.db.transaction(async (tx) => {
        for (const { kind, email } of preferences) {
          await tx
            .insert(notificationPreferences)
            .values({ userId, kind, email })
            .onConflictDoUpdate({
              target: [notificationPreferences.userId, notificationPreferences.kind],
              set: { email },
            });
        }
      });
    }
    return this.preferences(userId);
  }

  private async view(row: NotificationRow): Promise<Notification> {
    if (!row.actorId) return toView(row, null);
    const [actor] = await this.db
      .select({ name: users.name })
      .from(users)
      .where(eq(users.id, row.actorId));
    return toView(row, actor?.name ?? null);
  }
}

function toView(row: NotificationRow, actorName: string | null): Notification {
  return {
    id: String(row.id),
    kind: row.kind as NotificationKind,
    title: row.title,
    body: row.body,
    url: row.url,
    actor: row.actorId && actorName ? { id: row.actorId, name: actorName } : null,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
