// One document live across nodes through Redis: edits and awareness cross, presence sees
// everyone, and a node that missed pub/sub messages catches up from the log.
import { schema } from '@uccn/db';
import { isPostgresReachable } from '@uccn/db/testing';
import { isRedisReachable, TEST_REDIS_URL } from '@uccn/realtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Cluster, startCluster } from './support/cluster';
import { openProvider, waitFor, whenSynced } from './support/collab-clients';
import { TestClient } from './support/http-client';
import { DEMO_PASSWORD } from './support/test-server';

const services = (await isRedisReachable()) && (await isPostgresReachable());

describe.runIf(services)('three nodes on one Postgres and one Redis', () => {
  let cluster: Cluster;
  let documentId: string;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    cluster = await startCluster(3, {
      redisUrl: TEST_REDIS_URL,
      env: { COLLAB_CATCH_UP_MS: '500' },
    });
    const [a] = cluster.nodes;
    for (const city of ['bologna', 'kanazawa', 'dakar']) {
      const client = new TestClient(a?.url ?? '');
      await client.signIn(`${city}@uccn.test`, DEMO_PASSWORD);
      cookies[city] = client.cookieHeader;
    }
    const secretariat = new TestClient(a?.url ?? '');
    await secretariat.signIn('secretariat@uccn.test', DEMO_PASSWORD);
    cookies.secretariat = secretariat.cookieHeader;
    const owner = new TestClient(a?.url ?? '');
    await owner.signIn('bologna@uccn.test', DEMO_PASSWORD);
    const created = await owner.post<{ document: { id: string } }>('/api/documents', {
      title: 'Across nodes',
      cities: [
        { slug: 'kanazawa', access: 'write' },
        { slug: 'dakar', access: 'write' },
      ],
    });
    documentId = created.body.document.id;
  });
  afterAll(() => cluster?.stop());

  const node = (index: number) => {
    const found = cluster.nodes[index];
    if (!found) throw new Error(`no node ${index}`);
    return found;
  };

  it('converges edits made on three different nodes, and carries awareness across', async () => {
    const clients = ['bologna', 'kanazawa', 'dakar'].map((city, index) =>
      openProvider(node(index).url, documentId, { cookie: cookies[city] ?? '' }),
    );
    await Promise.all(clients.map(({ provider }) => whenSynced(provider)));
    clients.forEach(({ doc }, index) => {
      doc.getText('t').insert(0, `[node ${index}]`);
    });
    await waitFor(
      () =>
        clients.every(
          ({ doc }) =>
            doc.getText('t').length === 24 &&
            doc.getText('t').toString() === clients[0]?.doc.getText('t').toString(),
        ),
      10_000,
      'convergence across nodes',
    );
    clients[2]?.provider.awareness.setLocalStateField('cursor', { anchor: 3 });
    await waitFor(
      () =>
        clients[0]?.provider.awareness.getStates().get(clients[2]?.doc.clientID ?? -1)?.cursor !==
        undefined,
      10_000,
      'awareness across nodes',
    );
    expect(
      clients[0]?.provider.awareness.getStates().get(clients[2]?.doc.clientID ?? -1)?.user,
    ).toMatchObject({ city: 'Dakar' });

    const presence = await new TestClient(node(1).url).request<{
      documents: { id: string; people: { citySlug: string; nodes: string[] }[] }[];
    }>('GET', '/api/presence', { headers: { cookie: cookies.secretariat ?? '' } });
    const here = presence.body.documents.find((entry) => entry.id === documentId);
    expect(here?.people.map((person) => person.citySlug).sort()).toEqual([
      'bologna',
      'dakar',
      'kanazawa',
    ]);
    expect(new Set(here?.people.flatMap((person) => person.nodes))).toEqual(
      new Set(['node-a', 'node-b', 'node-c']),
    );
    for (const { provider } of clients) provider.destroy();
    await waitFor(
      async () => {
        const response = await new TestClient(node(0).url).request<{ people: unknown[] }>(
          'GET',
          `/api/documents/${documentId}/presence`,
          {
            headers: { cookie: cookies.bologna ?? '' },
          },
        );
        return response.body.people.length === 0;
      },
      10_000,
      'presence to empty',
    );
  });

  it('catches up from the log what pub/sub never delivered', async () => {
    const onA = openProvider(node(0).url, documentId, { cookie: cookies.bologna ?? '' });
    const onB = openProvider(node(1).url, documentId, { cookie: cookies.kanazawa ?? '' });
    await Promise.all([whenSynced(onA.provider), whenSynced(onB.provider)]);
    // An update another node saved whose pub/sub message was lost: it is only in the log.
    const elsewhere = new Y.Doc();
    elsewhere.getText('silent').insert(0, 'saved, not published');
    await node(2)
      .services.db.insert(schema.documentUpdates)
      .values({ documentId, update: Y.encodeStateAsUpdate(elsewhere) });
    await waitFor(
      () =>
        onA.doc.getText('silent').toString() === 'saved, not published' &&
        onB.doc.getText('silent').toString() === 'saved, not published',
      10_000,
      'catch-up from the log',
    );
    onA.provider.destroy();
    onB.provider.destroy();
  });

  it('exposes Prometheus metrics', async () => {
    const response = await fetch(`${node(0).url}/metrics`);
    const text = await response.text();
    expect(response.status).toBe(200);
    for (const name of [
      'uccn_collab_connections',
      'uccn_collab_open_documents',
      'uccn_collab_updates_total',
      'uccn_collab_save_seconds',
      'uccn_fanout_lag_seconds',
      'uccn_redis_reconnects_total',
    ]) {
      expect(text).toContain(name);
    }
    expect(new Y.Doc()).toBeDefined();
  });
});
