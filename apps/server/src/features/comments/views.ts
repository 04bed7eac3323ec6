// Reads comment threads in the shape the wire carries: each thread's first comment with its
// anchor, quote and resolution, its replies oldest first, and every author with their city.
import { type Database, schema } from '@uccn/db';
import type { Author, CommentThread, DocumentComment } from '@uccn/protocol';
import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { AppError } from '../../errors';
import { author, authorColumns } from '../threads/views';

const { documentComments, users, cities } = schema;

export type CommentRow = typeof documentComments.$inferSelect;

const iso = (date: Date) => date.toISOString();

async function authorsByIds(db: Database, ids: string[]): Promise<Map<string, Author>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select(authorColumns)
    .from(users)
    .leftJoin(cities, eq(cities.id, users.cityId))
    .where(inArray(users.id, ids));
  const found = new Map<string, Author>();
  for (const row of rows) {
    const person = author(row);
    if (person) found.set(person.id, person);
  }
  return found;
}

function commentView(row: CommentRow, people: Map<string, Author>): DocumentComment {
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    author: row.authorId ? (people.get(row.authorId) ?? null) : null,
    body: deleted ? '' : row.body,
    createdAt: iso(row.createdAt),
    editedAt: row.editedAt ? iso(row.editedAt) : null,
    deleted,
  };
}

/** Threads whose first comment matches `where`, with their replies, oldest thread first. */
async function readThreads(db: Database, where: SQL | undefined): Promise<CommentThread[]> {
  const roots = await db
    .select()
    .from(documentComments)
    .where(and(isNull(documentComments.parentId), where))
    .orderBy(asc(documentComments.createdAt), asc(documentComments.id));
  if (roots.length === 0) return [];
  const replies = await db
    .select()
    .from(documentComments)
    .where(
      inArray(
        documentComments.parentId,
        roots.map((root) => root.id),
      ),
    )
    .orderBy(asc(documentComments.createdAt), asc(documentComments.id));
  const people = await authorsByIds(db, [
    ...new Set(
      [...roots, ...replies].flatMap((row) =>
        [row.authorId, row.resolvedById].filter((id): id is string => id !== null),
      ),
    ),
  ]);
  const repliesOf = new Map<string, CommentRow[]>();
  for (const reply of replies) {
    if (!reply.parentId) continue;
    const list = repliesOf.get(reply.parentId);
    if (list) list.push(reply);
    else repliesOf.set(reply.parentId, [reply]);
  }
  return roots.map((root) => ({
    ...commentView(root, people),
    documentId: root.documentId,
    anchor: root.anchor ?? { start: {}, end: {} },
    quote: root.quote ?? '',
    resolved: root.resolvedAt
      ? {
          at: iso(root.resolvedAt),
          by: root.resolvedById ? (people.get(root.resolvedById) ?? null) : null,
        }
      : null,
    replies: (repliesOf.get(root.id) ?? []).map((reply) => commentView(reply, people)),
  }));
}

/** A thread is gone from the list once its first comment and every reply are deleted. */
export function isGone(thread: CommentThread): boolean {
  return thread.deleted && thread.replies.every((reply) => reply.deleted);
}

/** A document's threads that are not gone, oldest first. */
export async function readDocumentThreads(db: Database, documentId: string) {
  const threads = await readThreads(db, eq(documentComments.documentId, documentId));
  return threads.filter((thread) => !isGone(thread));
}

export async function readThread(db: Database, threadId: string): Promise<CommentThread> {
  const [thread] = await readThreads(db, eq(documentComments.id, threadId));
  if (!thread) throw new AppError('comment_not_found', 'There is no such comment.');
  return thread;
}

/** The comment row, or comment_not_found. */
export async function readCommentRow(db: Database, commentId: string): Promise<CommentRow> {
  const [row] = await db.select().from(documentComments).where(eq(documentComments.id, commentId));
  if (!row) throw new AppError('comment_not_found', 'There is no such comment.');
  return row;
}
