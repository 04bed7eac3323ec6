// The UpdateStore on Postgres or PGlite through drizzle: the update log, snapshots, compaction.
import { type Database, type RawQuery, schema } from '@uccn/db';
import { and, asc, eq, lte, type SQL, sql } from 'drizzle-orm';
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

/**
 * The oldest transaction still running when the statement's snapshot was taken: every row of an
 * older transaction is visible to that statement, so a reader resumes from here (LogCursor.tx).
 */
const HORIZON = sql`(pg_snapshot_xmin(pg_current_snapshot())::text)::bigint`;

/** A row of `readLog`; both drivers (pg and PGlite) return bigints as strings. */
interface LogReadRow {
  kind: number;
  /** kind 0: the horizon; kind 1: the log row's id. */
  id: string | number | null;
  up_to: string | number | null;
  generation: number | null;
  data: Uint8Array | null;
}

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
    // Every log row still stored: compaction deletes exactly the rows it merged, so a row that got
    // a low id but committed after a compaction read the log is still here, unmerged.
    const rows = await this.readLog(sql`
      select 0 as kind, ${HORIZON} as id, s.up_to_update_id as up_to, s.generation, s.state as data
        from (select 1) as horizon
        left join document_snapshots s on s.document_id = ${documentId}
      union all
      select 1, u.id, null, null, u.update
        from document_updates u where u.document_id = ${documentId}
      order by kind, id`);
    const [head, ...log] = rows;
    const upTo = head?.up_to == null ? 0 : Number(head.up_to);
    const rowIds = log.map((row) => Number(row.id));
    return {
      snapshot: head?.data ? new Uint8Array(head.data) : null,
      updates: log.map((row) => new Uint8Array(row.data as Uint8Array)),
      rowIds,
      lastUpdateId: Math.max(rowIds.at(-1) ?? 0, upTo),
      logCount: log.length,
      logBytes: log.reduce((sum, row) => sum + (row.data as Uint8Array).byteLength, 0),
      cursor: { tx: Number(head?.id ?? 0), generation: head?.generation ?? 0 },
    };
  }

  async readSince(documentId: string, cursor: LogCursor): Promise<LogDelta> {
    const rows = await this.readLog(sql`
      select 0 as kind, ${HORIZON} as id, null::bigint as up_to, s.generation, s.state as data
        from (select 1) as horizon
        left join document_snapshots s
          on s.document_id = ${documentId} and s.generation > ${cursor.generation}
      union all
      select 1, u.id, null, null, u.update
        from document_updates u where u.document_id = ${documentId} and u.tx >= ${cursor.tx}
      order by kind, id`);
    const [head, ...log] = rows;
    return {
      snapshot: head?.data ? new Uint8Array(head.data) : null,
      updates: log.map((row) => new Uint8Array(row.data as Uint8Array)),
      cursor: { tx: Number(head?.id ?? 0), generation: head?.generation ?? cursor.generation },
    };
  }

  /**
   * The snapshot row (kind 0: the horizon, and the snapshot if any) and the log rows (kind 1),
   * read by one statement and so in one snapshot of the database: another node's compaction
   * committing between two reads would hand back the old snapshot and only the rows after the
   * new one. One statement is also one round trip, where a transaction was five.
   */
  private async readLog(query: SQL): Promise<LogReadRow[]> {
    const result = (await this.db.execute(query)) as unknown as { rows: LogReadRow[] };
    return result.rows;
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
