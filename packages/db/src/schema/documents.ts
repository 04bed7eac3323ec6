// Shared documents: metadata and access list, and their durable Yjs state — an append-only
// update log, the latest compacted snapshot, and named or automatic versions.

import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { cities } from './network';

/** Binary Yjs data. PGlite returns Uint8Array and node-postgres a Buffer (a Uint8Array too). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

export const DOCUMENT_ACCESS = ['write', 'read'] as const;
export type DocumentAccessLevel = (typeof DOCUMENT_ACCESS)[number];

export const documents = pgTable(
  'documents',
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    /** What the document is part of: a standalone document now, proposals later. */
    kind: text({ enum: ['document', 'proposal'] })
      .notNull()
      .default('document'),
    ownerCityId: integer().references(() => cities.id),
    createdById: text().references(() => users.id, { onDelete: 'set null' }),
    archivedAt: timestamp({ withTimezone: true }),
    /**
     * While set, nobody writes and every city with access reads: a proposal's body once it is
     * submitted (the proposal keeps it in step with its status).
     */
    lockedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.ownerCityId)],
);

/** Which cities may write or read a document. The owner city always writes. */
export const documentAccess = pgTable(
  'document_access',
  {
    documentId: uuid()
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    cityId: integer()
      .notNull()
      .references(() => cities.id),
    access: text({ enum: DOCUMENT_ACCESS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.cityId] }), index().on(t.cityId)],
);

/** Every applied update, appended before it counts as saved; compaction removes covered rows. */
export const documentUpdates = pgTable(
  'document_updates',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    documentId: uuid()
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    update: bytea().notNull(),
    /**
     * Id of the writing transaction. Ids are handed out before commit, so a reader cannot resume
     * "after the last id it saw"; it resumes from the oldest transaction still running when it
     * last read (pg_snapshot_xmin), which never skips a row that commits later.
     */
    tx: bigint({ mode: 'number' }).notNull().default(sql`(pg_current_xact_id()::text)::bigint`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.documentId, t.id), index().on(t.documentId, t.tx)],
);

/**
 * The latest compacted state of a document. Compaction merges the log rows it reads into it and
 * deletes exactly those rows, so loading is this snapshot plus every row still in the log.
 */
export const documentSnapshots = pgTable('document_snapshots', {
  documentId: uuid()
    .primaryKey()
    .references(() => documents.id, { onDelete: 'cascade' }),
  state: bytea().notNull(),
  upToUpdateId: bigint({ mode: 'number' }).notNull(),
  /** Bumped by every compaction, so other nodes know to merge the new snapshot. */
  generation: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const VERSION_KINDS = ['named', 'auto', 'before-restore'] as const;

/** Versions people can view and restore: named by someone, automatic, or taken before a restore. */
export const documentVersions = pgTable(
  'document_versions',
  {
    id: uuid().primaryKey().defaultRandom(),
    documentId: uuid()
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    kind: text({ enum: VERSION_KINDS }).notNull(),
    label: text(),
    state: bytea().notNull(),
    createdById: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.documentId, t.createdAt)],
);
