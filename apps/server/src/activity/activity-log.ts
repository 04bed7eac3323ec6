// Writes the activity log: who did what, when, on which object. Monitoring reads it later.
import { type Database, schema } from '@uccn/db';

export interface ActivityEntry {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  cityId?: number | null;
  details?: Record<string, unknown>;
}

/** Appends one entry; pass a transaction so the entry commits with the change it records. */
export async function recordActivity(db: Pick<Database, 'insert'>, entry: ActivityEntry) {
  await db.insert(schema.activityLog).values({
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    cityId: entry.cityId ?? null,
    details: entry.details ?? {},
  });
}
