// The UpdateStore on Postgres or PGlite through drizzle: the update log, snapshots, compaction.
import { type Database, type RawQuery, schema } from '@uccn/db';
import { and, asc, eq, gt, gte, lte, type SQL, sql } from 'drizzle-orm';
import { mergeOver } from '../pending-structs';
import type {
  HeldContent,
  LogCursor,
  LogDelta,
  StoredDocument,
  UpdateRow,
  UpdateStore,
} from '../types';

const { documentUpdates, documentSnapshots } = schema;

/** The oldest transaction id still running now: rows of older transactions are all visible. */
async function oldestRunningTransaction(tx: Pick<Database, 'execute'>): Promise<number> {
  // Both drivers (pg and PGlite) return `{ rows }`; bigints arrive as strings.
  const result = (await tx.execute(
    sql`select (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint as xmin`,
  )) as unknown as { rows: { xmin: string | number }[] };
  return Number(result.rows[0]?.xmin ?? 0);
}

/**
 * The snapshot and the log rows are read in one snapshot of the database: otherwise another
 * node's compaction committing between the two reads would hand back the old snapshot and only
 * the rows after the new one.
 */
const SNAPSHOT_READ = { isolationLevel: 'repeatable read' } as const;

/** Rows per INSERT statement: large batches stay within Postgres's parameter limit. */
const ROWS_PER_STATEMENT = 1000;

/** Rows come back in the order of the arrays: ORDER BY WITH ORDINALITY makes that explicit. */
const APPEND_SQL = `insert into document_updates (document_id, update)
  select document_id, update from unnest($1::uuid[], $2::bytea[]) with ordinality as rows(document_id, update, position)
  order by position
  returning id`;

/** Log row ids as one `bigint[]` parameter (both drivers take a Postgres array literal). */
function idArray(ids: number[]): SQL {
  return sql`${`{${ids.join(',')}}`}::bigint[]`;
}

/** node-postgres sends a Buffer as bytea (a bare Uint8Array would not be); PGlite takes either. */
function asBuffer(bytes: Uint8Array) {
  return Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export class DrizzleUpdateStore implements UpdateStore {
  /**
   * @param query the driver's raw query (DatabaseHandle.query), for the update log's hot path;
   * without it appends go through the query builder.
   */
  constructor(
    private readonly db: Database,
    private readonly query?: RawQuery,
  ) {}

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
        // Every row still stored: compaction deletes exactly the rows it merged, so a row that
        // got a low id but committed after a compaction read the log is still here, unmerged.
        .where(eq(documentUpdates.documentId, documentId))
        .orderBy(asc(documentUpdates.id));
      return {
        snapshot: snapshot ? new Uint8Array(snapshot.state) : null,
        updates: rows.map((row) => new Uint8Array(row.update)),
        rowIds: rows.map((row) => row.id),
        lastUpdateId: Math.max(rows.at(-1)?.id ?? 0, snapshot?.upTo ?? 0),
        logCount: rows.length,
        logBytes: rows.reduce((sum, row) => sum + row.update.byteLength, 0),
        cursor: { tx: xmin, generation: snapshot?.generation ?? 0 },
      };
    }, SNAPSHOT_READ);
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
    }, SNAPSHOT_READ);
  }

  async append(rows: UpdateRow[]): Promise<number[]> {
    if (rows.length === 0) return [];
    const ids: number[] = [];
    // One statement per chunk, no explicit transaction: a single INSERT is atomic, and one round
    // trip per group commit keeps both the server and Postgres cheap.
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
      if (this.query) {
        const result = await this.query<{ id: string | number }>(
          APPEND_SQL,
          [chunk.map((row) => row.documentId), chunk.map((row) => asBuffer(row.update))],
          'uccn_append_updates',
        );
        for (const row of result.rows) ids.push(Number(row.id));
      } else {
        const inserted = await this.db
          .insert(documentUpdates)
          .values(chunk)
          .returning({ id: documentUpdates.id });
        for (const row of inserted) ids.push(row.id);
      }
    }
    return ids;
  }

  async compact(
    documentId: string,
    state: Uint8Array,
    upToId: number,
    held?: HeldContent,
  ): Promise<number | null> {
    return this.db.transaction(async (tx) => {
      // Serialize compactions of one document (across nodes too) on its snapshot row.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`compact:${documentId}`}))`);
      const [previous] = await tx
        .select({ upTo: documentSnapshots.upToUpdateId, generation: documentSnapshots.generation })
        .from(documentSnapshots)
        .where(eq(documentSnapshots.documentId, documentId));
      if (previous && previous.upTo >= upToId) return null;
      // Ids are handed out before commit: a row below upToId may commit later than this read.
      // It is not merged here, so it must not be deleted here either — only rows read are.
      const covered = await tx
        .select({ id: documentUpdates.id })
        .from(documentUpdates)
        .where(and(eq(documentUpdates.documentId, documentId), lte(documentUpdates.id, upToId)))
        .orderBy(asc(documentUpdates.id));
      const coveredIds = covered.map((row) => row.id);
      // Merge everything the snapshot replaces that the caller's state may not hold, so no row
      // is lost even if it had not seen it: other nodes' rows, a snapshot another node wrote.
      const foreignIds = held ? coveredIds.filter((id) => !held.rowIds.has(id)) : coveredIds;
      const previousHeld =
        !previous || (held !== undefined && previous.generation <= held.generation);
      const exact = foreignIds.length === 0 && previousHeld;
      let snapshot = state;
      if (!exact) {
        const [stored] = previousHeld
          ? []
          : await tx
              .select({ state: documentSnapshots.state })
              .from(documentSnapshots)
              .where(eq(documentSnapshots.documentId, documentId));
        const foreign = [];
        const rows = await tx
          .select({ update: documentUpdates.update })
          .from(documentUpdates)
          .where(sql`${documentUpdates.id} = any(${idArray(foreignIds)})`)
          .orderBy(asc(documentUpdates.id));
        for (const row of rows) foreign.push(new Uint8Array(row.update));
        snapshot = mergeOver(state, [
          ...(stored ? [new Uint8Array(stored.state)] : []),
          ...foreign,
        ]);
      }
      const [written] = await tx
        .insert(documentSnapshots)
        .values({ documentId, state: snapshot, upToUpdateId: upToId })
        .onConflictDoUpdate({
          target: documentSnapshots.documentId,
          set: {
            state: snapshot,
            upToUpdateId: upToId,
            generation: sql`${documentSnapshots.generation} + 1`,
            createdAt: new Date(),
          },
        })
        .returning({ generation: documentSnapshots.generation });
      // One array parameter: the query builder would make (and check) a parameter per id.
      await tx.execute(sql`delete from document_updates where id = any(${idArray(coveredIds)})`);
      return exact ? (written?.generation ?? null) : null;
    });
  }
}
