// The UpdateStore on Postgres or PGlite through drizzle: the update log, snapshots, compaction.
import { type Database, schema } from '@uccn/db';
import { and, asc, eq, gt, gte, lte, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { LogCursor, LogDelta, StoredDocument, UpdateRow, UpdateStore } from '../types';

const { documentUpdates, documentSnapshots } = schema;

/** The oldest transaction id still running now: rows of older transactions are all visible. */
async function oldestRunningTransaction(tx: Pick<Database, 'execute'>): Promise<number> {
  // Both drivers (pg and PGlite) return `{ rows }`; bigints arrive as strings.
  const result = (await tx.execute(
    sql`select (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint as xmin`,
  )) as unknown as { rows: { xmin: string | number }[] };
  return Number(result.rows[0]?.xmin ?? 0);
}

/** Rows per INSERT statement: large batches stay within Postgres's parameter limit. */
const ROWS_PER_STATEMENT = 1000;

export class DrizzleUpdateStore implements UpdateStore {
  constructor(private readonly db: Database) {}

  async load(documentId: string): Promise<StoredDocument> {
    return this.db.transaction(async (tx) => {
      const xmin = await oldestRunningTransaction(tx);
      const [snapshot] = await tx
        .select({
          state: documentSnapshots.state,
          upTo: documentSnapshots.upToUpdateId,
          generation: documentSnapshots.generation,
        })
        .from(documentSnapshots)
        .where(eq(documentSnapshots.documentId, documentId));
      const rows = await tx
        .select({ id: documentUpdates.id, update: documentUpdates.update })
        .from(documentUpdates)
        .where(
          and(
            eq(documentUpdates.documentId, documentId),
            gt(documentUpdates.id, snapshot?.upTo ?? 0),
          ),
        )
        .orderBy(asc(documentUpdates.id));
      return {
        snapshot: snapshot ? new Uint8Array(snapshot.state) : null,
        updates: rows.map((row) => new Uint8Array(row.update)),
        lastUpdateId: rows.at(-1)?.id ?? snapshot?.upTo ?? 0,
        logCount: rows.length,
        logBytes: rows.reduce((sum, row) => sum + row.update.byteLength, 0),
        cursor: { tx: xmin, generation: snapshot?.generation ?? 0 },
      };
    });
  }

  async readSince(documentId: string, cursor: LogCursor): Promise<LogDelta> {
    return this.db.transaction(async (tx) => {
      // Read the horizon first: every row of a transaction older than it is visible below.
      const xmin = await oldestRunningTransaction(tx);
      const [snapshot] = await tx
        .select({ state: documentSnapshots.state, generation: documentSnapshots.generation })
        .from(documentSnapshots)
        .where(
          and(
            eq(documentSnapshots.documentId, documentId),
            gt(documentSnapshots.generation, cursor.generation),
          ),
        );
      const rows = await tx
        .select({ update: documentUpdates.update })
        .from(documentUpdates)
        .where(and(eq(documentUpdates.documentId, documentId), gte(documentUpdates.tx, cursor.tx)))
        .orderBy(asc(documentUpdates.id));
      return {
        snapshot: snapshot ? new Uint8Array(snapshot.state) : null,
        updates: rows.map((row) => new Uint8Array(row.update)),
        cursor: { tx: xmin, generation: snapshot?.generation ?? cursor.generation },
      };
    });
  }

  async append(rows: UpdateRow[]): Promise<number[]> {
    if (rows.length === 0) return [];
    return this.db.transaction(async (tx) => {
      const ids: number[] = [];
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const inserted = await tx
          .insert(documentUpdates)
          .values(rows.slice(start, start + ROWS_PER_STATEMENT))
          .returning({ id: documentUpdates.id });
        // RETURNING gives rows in VALUES order for a single-statement insert.
        for (const row of inserted) ids.push(row.id);
      }
      return ids;
    });
  }

  async compact(documentId: string, state: Uint8Array, upToId: number) {
    await this.db.transaction(async (tx) => {
      // Serialize compactions of one document (across nodes too) on its snapshot row.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`compact:${documentId}`}))`);
      const [previous] = await tx
        .select({ state: documentSnapshots.state, upTo: documentSnapshots.upToUpdateId })
        .from(documentSnapshots)
        .where(eq(documentSnapshots.documentId, documentId));
      if (previous && previous.upTo >= upToId) return;
      const covered = await tx
        .select({ update: documentUpdates.update })
        .from(documentUpdates)
        .where(and(eq(documentUpdates.documentId, documentId), lte(documentUpdates.id, upToId)))
        .orderBy(asc(documentUpdates.id));
      // Merge everything the snapshot replaces, so no row is lost even if the caller's
      // in-memory state had not seen it.
      const merged = Y.mergeUpdates([
        ...(previous ? [new Uint8Array(previous.state)] : []),
        ...covered.map((row) => new Uint8Array(row.update)),
        state,
      ]);
      await tx
        .insert(documentSnapshots)
        .values({ documentId, state: merged, upToUpdateId: upToId })
        .onConflictDoUpdate({
          target: documentSnapshots.documentId,
          set: {
            state: merged,
            upToUpdateId: upToId,
            generation: sql`${documentSnapshots.generation} + 1`,
            createdAt: new Date(),
          },
        });
      await tx
        .delete(documentUpdates)
        .where(and(eq(documentUpdates.documentId, documentId), lte(documentUpdates.id, upToId)));
    });
  }
}
