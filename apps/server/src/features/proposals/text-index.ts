// Keeps each proposal's searchable document text current: every few seconds, the proposals whose
// document's update log moved past what was indexed are read from storage and their plain text
// stored, which regenerates the full-text vector.
//
// Why polling the log rather than a hook on edits: the collaboration server exposes no per-update
// hook to its owner (its room `onUpdate` feeds the fan-out), and `onAutoVersion` fires at most
// once per interval on the leading edge, so the last edits of a session would stay unindexed.
// The log is the one place every node's edits reach, so any node (all may run this; the update
// is idempotent) indexes edits made anywhere, and a document is read at most once per interval.
import type { UpdateStore } from '@uccn/collab';
import { type Database, schema } from '@uccn/db';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Logger } from '../../logger';
import { bodyTextOf } from './document-body';

/** Proposals re-indexed per pass; the rest wait for the next one. */
const BATCH = 20;

interface StaleRow {
  id: string;
  documentId: string;
}

export class ProposalTextIndexer {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly db: Database,
    private readonly store: UpdateStore,
    private readonly log: Logger,
    /** Milliseconds between passes; 0 turns indexing off. */
    private readonly intervalMs: number,
  ) {}

  start() {
    if (this.intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.runOnce(), this.intervalMs);
    this.timer.unref();
  }

  async stop() {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass (never two at once); resolves with how many proposals were re-indexed. */
  runOnce(): Promise<number> {
    this.running ??= this.pass()
      .catch((error: unknown) => {
        this.log.warn({ err: error }, 'proposal text indexing failed; will retry');
        return 0;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async pass(): Promise<number> {
    // The log position of a document only grows: the last row id, or the snapshot's once
    // compaction folded the rows in.
    const result = (await this.db.execute(sql`
      select p.id, p.document_id as "documentId"
      from proposals p
      where greatest(
        coalesce((select max(u.id) from document_updates u where u.document_id = p.document_id), 0),
        coalesce((select s.up_to_update_id from document_snapshots s where s.document_id = p.document_id), 0)
      ) > p.text_indexed_up_to
      limit ${BATCH}`)) as unknown as { rows: StaleRow[] };
    for (const row of result.rows) {
      const stored = await this.store.load(row.documentId);
      await this.db
        .update(schema.proposals)
        .set({
          documentText: bodyTextOf(stored.snapshot, stored.updates),
          textIndexedUpTo: stored.lastUpdateId,
        })
        .where(
          and(
            eq(schema.proposals.id, row.id),
            lt(schema.proposals.textIndexedUpTo, stored.lastUpdateId),
          ),
        );
    }
    return result.rows.length;
  }
}
