// The activity log: who did what, when, on which object. The Secretariat's monitoring reads it.
import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { cities } from './network';

export const activityLog = pgTable(
  'activity_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Null for the system itself (seeding, scheduled jobs). */
    actorId: text().references(() => users.id, { onDelete: 'set null' }),
    /** Dotted verb, e.g. `user.signed_in`, `invitation.created`. */
    action: text().notNull(),
    subjectType: text().notNull(),
    subjectId: text(),
    /** The city the action concerns, when there is one: monitoring counts per city. */
    cityId: integer().references(() => cities.id),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index().on(t.at), index().on(t.cityId, t.at), index().on(t.subjectType, t.subjectId)],
);
