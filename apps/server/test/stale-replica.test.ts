// A stale node must never undo newer edits (the Hocuspocus #1151 scenario): node C stops hearing
// the others, they delete and add content, C keeps writing, compacts and unloads its stale copy,
// then hears again — and everyone, and the database, agree that what was deleted stays deleted.
import { isPostgresReachable } from '@uccn/db/testing';
import { isRedisReachable, TEST_REDIS_URL } from '@uccn/realtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { UccnServer } from '../src/start';
import { type Cluster, startCluster } from './support/cluster';
import { openProvider, waitFor, whenSynced } from './support/collab-clients';
import { createSharedDocument, type DemoAccount, signInDemo } from './support/demo-session';
import { readMetric } from './support/prometheus';
import { loadStoredDocument } from './support/stored-document';
import { TcpProxy } from './support/tcp-proxy';

const services = (await isRedisReachable()) && (await isPostgresReachable());

const KEPT = ['<keep1>', '<keep2>', '<keep3>'];
const DELETED = ['<delA>', '<delB>'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function insertAt(doc: Y.Doc, index: number, token: string) {
  doc.getText('t').insert(index, token);
}

function remove(doc: Y.Doc, token: string) {
  const index = doc.getText('t').toString().indexOf(token);
  if (index < 0) throw new Error(`${token} is not in the text`);
  doc.getText('t').delete(index, token.length);
}

function insertAfter(doc: Y.Doc, anchor: string, token: string) {
  const index = doc.getText('t').toString().indexOf(anchor);
  if (index < 0) throw new Error(`${anchor} is not in the text`);
  insertAt(doc, index + anchor.length, token);
}

const textOf = (doc: Y.Doc) => doc.getText('t').toString();

describe.runIf(services)('a stale node writing back (Hocuspocus #1151)', () => {
  let proxy: TcpProxy | undefined;
  let cluster: Cluster | undefined;
  let nodes: { a: UccnServer; b: UccnServer; c: UccnServer };
  let cookies: Record<DemoAccount, string>;
  const cleanups: (() => void)[] = [];

  beforeAll(async () => {
    const redisUrl = new URL(TEST_REDIS_URL);
    proxy = await TcpProxy.start({
      targets: [{ host: redisUrl.hostname, port: Number(redisUrl.port || 6379) }],
    });
    cluster = await startCluster(2, {
      redisUrl: TEST_REDIS_URL,
      env: { COLLAB_CATCH_UP_MS: '500', COLLAB_COMPACT_AFTER_UPDATES: '3' },
    });
    // C is as stale as a node can be: no Redis, and no timed catch-up from the log either (only
    // a reconnect or a reload would catch it up). It compacts often and unloads at once.
    const c = await cluster.startNode('node-c', {
      REDIS_URL: proxy.url('redis'),
      COLLAB_CATCH_UP_MS: '3600000',
      COLLAB_IDLE_UNLOAD_MS: '200',
    });
    const [a, b] = cluster.nodes;
    if (!a || !b) throw new Error('the cluster did not start');
    nodes = { a, b, c };
    cookies = await signInDemo(a.url);
  });

  afterAll(async () => {
    for (const cleanup of cleanups) cleanup();
    proxy?.restore();
    await cluster?.stop();
    await proxy?.close();
  });

  const open = async (node: UccnServer, account: DemoAccount, id: string, doc?: Y.Doc) => {
    const client = openProvider(node.url, id, { cookie: cookies[account], doc });
    cleanups.push(() => client.provider.destroy());
    await whenSynced(client.provider, 15_000);
    return client;
  };

  const storedText = async (id: string) => {
    const db = cluster?.database.db;
    if (!db) throw new Error('no database');
    return textOf(await loadStoredDocument(db, id));
  };

  const expectFresh = (text: string, added: string[], where: string) => {
    for (const token of DELETED) expect(text, `${where}: ${token} came back`).not.toContain(token);
    for (const token of [...KEPT, ...added])
      expect(text, `${where}: ${token} is missing`).toContain(token);
  };

  it('keeps deleted content deleted and every addition, everywhere and on disk', async () => {
    const id = await createSharedDocument(nodes.a.url, cookies.bologna, 'Stale replica');
    const a1 = await open(nodes.a, 'bologna', id);
    const b1 = await open(nodes.b, 'dakar', id);
    const c1 = await open(nodes.c, 'kanazawa', id);
    insertAt(a1.doc, 0, '<keep1><delA><keep2><delB><keep3>');
    const initial = textOf(a1.doc);
    await waitFor(
      () => textOf(b1.doc) === initial && textOf(c1.doc) === initial,
      10_000,
      'the initial text on every node',
    );

    // C stops hearing the others.
    proxy?.cut();
    await waitFor(async () => (await readMetric(nodes.c.url, 'uccn_redis_up')) === 0, 10_000);
    // What a user who goes offline now would keep: C's old view.
    const offlineCopy = Y.encodeStateAsUpdate(c1.doc);

    // A and B delete, and add.
    remove(a1.doc, '<delA>');
    insertAfter(a1.doc, '<keep1>', '<addA>');
    remove(b1.doc, '<delB>');
    insertAfter(b1.doc, '<keep3>', '<addB>');
    await waitFor(
      () =>
        textOf(a1.doc) === textOf(b1.doc) &&
        !DELETED.some((token) => textOf(a1.doc).includes(token)) &&
        textOf(a1.doc).includes('<addB>'),
      10_000,
      'A and B to agree over Redis',
    );
    await sleep(1000);
    // C really is stale: its room and its client still have the deleted content.
    const roomC = nodes.c.services.collab.registry.get(id);
    expect(roomC).toBeDefined();
    for (const token of DELETED) {
      expect(textOf(c1.doc)).toContain(token);
      expect(textOf(roomC?.doc ?? new Y.Doc())).toContain(token);
    }
    expect(textOf(c1.doc)).not.toContain('<addA>');

    // C writes from its stale view: additions, one right next to content deleted elsewhere.
    insertAt(c1.doc, 0, '<addC1>');
    insertAfter(c1.doc, '<delA>', '<addC2>');
    insertAfter(c1.doc, '<delB>', '<addC3>');
    const roomHas = (token: string) => textOf(roomC?.doc ?? new Y.Doc()).includes(token);
    await waitFor(() => roomHas('<addC3>'), 10_000, "C's room to receive its client's edits");
    await nodes.c.services.collab.updateLog.drained();
    await waitFor(() => roomC?.logCount === 0, 10_000, 'C to compact by itself');
    // A snapshots its fresh state, then C snapshots its stale one over it.
    await nodes.a.services.collab.registry.get(id)?.compact();
    insertAt(c1.doc, 0, '<addC4>');
    await waitFor(() => roomHas('<addC4>'), 10_000, "C's room to receive <addC4>");
    await nodes.c.services.collab.updateLog.drained();
    expect(roomC?.logCount).toBe(1);
    await roomC?.compact();
    expect(roomC?.logCount).toBe(0);
    const addedSoFar = ['<addA>', '<addB>', '<addC1>', '<addC2>', '<addC3>', '<addC4>'];
    expectFresh(await storedText(id), addedSoFar, 'stored after C compacted');

    // C's room unloads (a final snapshot of its stale state) when its client leaves.
    c1.provider.disconnect();
    await waitFor(() => nodes.c.services.collab.registry.get(id) === undefined, 10_000);
    await sleep(200);
    expectFresh(await storedText(id), addedSoFar, 'stored after C unloaded');
    // A catches up C's additions from the log (its timer runs every 500 ms; on a busy machine
    // later), and still shows no deleted content although C's snapshots held it.
    await waitFor(
      () => addedSoFar.every((token) => textOf(a1.doc).includes(token)),
      15_000,
      "A to catch up C's additions",
    ).catch(() => {});
    expectFresh(textOf(a1.doc), addedSoFar, 'A after C wrote');

    // The stale client comes back to C (still cut off from Redis) with its old view, and adds.
    c1.provider.connect();
    await whenSynced(c1.provider, 15_000);
    insertAt(c1.doc, 0, '<addC5>');
    insertAfter(a1.doc, '<keep2>', '<addA2>');
    const added = [...addedSoFar, '<addC5>', '<addA2>'];

    // C hears again: everyone converges.
    proxy?.restore();
    await waitFor(async () => (await readMetric(nodes.c.url, 'uccn_redis_up')) === 1, 15_000);
    await waitFor(
      () =>
        textOf(a1.doc) === textOf(b1.doc) &&
        textOf(b1.doc) === textOf(c1.doc) &&
        added.every((token) => textOf(a1.doc).includes(token)),
      15_000,
      'every node to converge',
    );
    // A user offline since the cut reconnects with the old view: it cannot bring deletions back.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, offlineCopy);
    expect(textOf(offline)).toContain('<delA>');
    const late = await open(nodes.b, 'bologna', id, offline);
    await waitFor(
      () => textOf(late.doc) === textOf(a1.doc) && textOf(c1.doc) === textOf(a1.doc),
      10_000,
      'the offline copy to converge',
    );

    const final = textOf(a1.doc);
    expectFresh(final, added, 'clients');
    for (const client of [b1, c1, late]) expect(textOf(client.doc)).toBe(final);
    for (const node of [nodes.a, nodes.b, nodes.c]) {
      const room = node.services.collab.registry.get(id);
      if (room) expect(textOf(room.doc)).toBe(final);
    }
    await Promise.all(
      [nodes.a, nodes.b, nodes.c].map((node) => node.services.collab.updateLog.drained()),
    );
    await waitFor(async () => (await storedText(id)) === final, 10_000, 'the stored document');
  }, 60_000);
});
