// A log row whose id was handed out before a compaction read the log, but which commits after
// it (another node's group commit), is neither skipped by later loads nor deleted unmerged.
import { availableDrivers } from '@uccn/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AckedWriter } from './support/acked-writer';
import { createSharedDocument, signInDemo } from './support/demo-session';
import { loadStoredDocument } from './support/stored-document';
import { startTestServer, type TestServer } from './support/test-server';

const postgres = (await availableDrivers()).includes('postgres');

function lateUpdate(text: string) {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe.runIf(postgres)('a late log row around a compaction', () => {
  let server: TestServer;
  let other: pg.Client;
  let cookies: Awaited<ReturnType<typeof signInDemo>>;

  beforeAll(async () => {
    server = await startTestServer('postgres');
    const { url } = server.services.config.database as { url: string };
    other = new pg.Client({ connectionString: url });
    await other.connect();
    cookies = await signInDemo(server.url);
  });
  afterAll(async () => {
    await other?.end();
    await server?.stop();
  });

  // Without a delay the late row commits after the compaction; with one (a slow snapshot write,
  // through a trigger) it commits between the compaction's read of the log and its delete.
  for (const slowSnapshot of [false, true]) {
    it(`keeps it (commit ${slowSnapshot ? 'during' : 'after'} the compaction)`, async () => {
      if (slowSnapshot) {
        await other.query(`create or replace function slow_snapshot() returns trigger language plpgsql as $$
          begin perform pg_sleep(0.8); return new; end $$`);
        await other.query(
          'create trigger slow_snapshot before insert or update on document_snapshots for each row execute function slow_snapshot()',
        );
      }
      try {
        const id = await createSharedDocument(server.url, cookies.bologna, `race ${slowSnapshot}`);
        const writer = await AckedWriter.open(server.url, id, cookies.kanazawa, 'w');
        writer.insert();
        await writer.allAcked();
        // Another node's group commit: its INSERT has an id, its COMMIT has not happened yet.
        await other.query('begin');
        await other.query('insert into document_updates (document_id, update) values ($1, $2)', [
          id,
          Buffer.from(lateUpdate(`<late ${slowSnapshot}>`)),
        ]);
        writer.insert();
        await writer.allAcked();
        const compacting = server.services.collab.registry.get(id)?.compact();
        if (slowSnapshot) await new Promise((resolve) => setTimeout(resolve, 300));
        else await compacting;
        await other.query('commit');
        await compacting;
        const stored = await loadStoredDocument(server.services.db, id);
        expect(stored.getText('t').toString()).toContain(`<late ${slowSnapshot}>`);
        writer.close();
      } finally {
        if (slowSnapshot)
          await other.query('drop trigger if exists slow_snapshot on document_snapshots');
      }
    });
  }
});
