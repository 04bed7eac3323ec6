// In-app notifications (mentions, replies, proposal and initiative decisions) and each user's
// choice of which kinds also reach them by email, in a daily digest.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './auth';

export const notifications = pgTable(
  'notifications',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    title: text().notNull(),
    body: text().notNull().default(''),
    url: text().notNull(),
    actorId: text().references(() => users.id, { onDelete: 'set null' }),
    /** What it is about, e.g. `message:42`: one notification per user and subject and kind. */
    subject: text().notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
    /** When it went out in an email digest; null if not (yet, or never). */
    emailedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.userId, t.id),
    uniqueIndex().on(t.userId, t.kind, t.subject),
    index().on(t.userId).where(sql`${t.readAt} is null`),
    index().on(t.createdAt).where(sql`${t.emailedAt} is null and ${t.readAt} is null`),
  ],
);

/** Which kinds a user wants by email. No row: the kind's default (mentions and decisions on). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    email: boolean().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** When each user last got a digest, so that one goes out at most once a day. */
export const notificationDigests = pgTable('notification_digests', {
  userId: text()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  sentAt: timestamp({ withTimezone: true }).notNull(),
});
