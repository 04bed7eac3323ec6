// Comments on a document's text: a thread opens with a comment anchored to a range (two Yjs
// relative positions, so the range follows concurrent edits) and gathers replies; the thread
// is resolved and reopened as a whole, on its first comment.
import {
  type AnyPgColumn,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { documents } from './documents';

/**
 * Where a thread sits in the text: the start and end of the range as Yjs relative positions,
 * each as `Y.relativePositionToJSON` gives it. Opaque to the server beyond its shape and size.
 */
export interface StoredCommentAnchor {
  start: Record<string, unknown>;
  end: Record<string, unknown>;
}

export const documentComments = pgTable(
  'document_comments',
  {
    id: uuid().primaryKey().defaultRandom(),
    documentId: uuid()
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    /** Null for a thread's first comment; a reply points to it. */
    parentId: uuid().references((): AnyPgColumn => documentComments.id, { onDelete: 'cascade' }),
    authorId: text().references(() => users.id, { onDelete: 'set null' }),
    /** Stored exactly as written; rendered as text by clients. Empty once deleted. */
    body: text().notNull(),
    /** On a thread's first comment only. */
    anchor: jsonb().$type<StoredCommentAnchor>(),
    /** The text that was selected, shown when the range is gone from the document. */
    quote: text(),
    /** On a thread's first comment: the whole thread is resolved. */
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedById: text().references(() => users.id, { onDelete: 'set null' }),
    editedAt: timestamp({ withTimezone: true }),
    /** The row stays, so that a deleted first comment keeps its replies in place. */
    deletedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.documentId, t.createdAt), index().on(t.parentId)],
);
