// Redis goes away and comes back, for every node or for one: editing and saving go on, the outage
// is logged once per node, nodes reconnect by themselves, and every edit made meanwhile reaches
// every client and the database.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isPostgresReachable } from '@uccn/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { AckedWriter, tokensIn } from './support/acked-writer';
import { type Cluster, startCluster } from './support/cluster';
import { openProvider, waitFor, whenSynced } from './support/collab-clients';
import {
  createSharedDocument,
  type DemoAccount,
  liveNodesByDocument,
  signInDemo,
} from './support/demo-session';
import { readMetric } from './support/prometheus';
import { isRedisServerInstalled, RedisProcess } from './support/redis-process';
import { ServerProcess } from './support/server-process';
import { loadStoredDocument } from './support/stored-document';
import { TcpProxy } from './support/tcp-proxy';

const services = (await isPostgresReachable()) && isRedisServerInstalled();
const OUTAGE_MS = 3000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A stock y-websocket client that types unique tokens at the end of the shared text. */
interface Editor {
  name: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  typed: string[];
}

function type(editor: Editor): string {
  const token = `<${editor.name}.${editor.typed.length}>`;
  const text = editor.doc.getText('t');
  text.insert(text.length, token);
  editor.typed.push(token);
  return token;
}

const textOf = (editor: Editor) => editor.doc.getText('t').toString();

describe.runIf(services)('a Redis outage', () => {
  let redis: RedisProcess | undefined;
  let proxy: TcpProxy | undefined;
  let cluster: Cluster | undefined;
  let nodeD: ServerProcess | undefined;
  let cookies: Record<DemoAccount, string>;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'uccn-outage-'));
  const editors: Editor[] = [];
  const writers: AckedWriter[] = [];

  /** Nodes A and B reach Redis directly, C through the proxy; D is a child process (its logs). */
  const urls: Record<string, string> = {};

  beforeAll(async () => {
    redis = await RedisProcess.start();
    proxy = await TcpProxy.start({ targets: [{ host: '127.0.0.1', port: redis.port }] });
    const secret = `outage-${randomBytes(16).toString('hex')}`;
    const prefix = `test:outage:${randomBytes(6).toString('hex')}:`;
    const shared = { AUTH_SECRET: secret, REDIS_PREFIX: prefix, COLLAB_CATCH_UP_MS: '500' };
    cluster = await startCluster(2, { redisUrl: redis.url, env: shared });
    const nodeC = await cluster.startNode('node-c', { REDIS_URL: proxy.url('redis') });
    const [nodeA, nodeB] = cluster.nodes;
    if (!nodeA || !nodeB) throw new Error('the cluster did not start');
    nodeD = await ServerProcess.start({
      ...shared,
      NODE_ID: 'node-d',
      DATA_DIR: dataDir,
      DATABASE_URL: cluster.database.url ?? '',
      REDIS_URL: redis.url,
      LOG_LEVEL: 'info',
    });
    Object.assign(urls, { 'node-a': nodeA.url, 'node-b': nodeB.url, 'node-c': nodeC.url });
    urls['node-d'] = nodeD.url;
    cookies = await signInDemo(nodeA.url);
  });

  afterAll(async () => {
    for (const editor of editors) editor.provider.destroy();
    for (const writer of writers) writer.close();
    await nodeD?.kill();
    // Bounded, so that a node that cannot close never leaves redis-server and the proxy behind.
    await Promise.race([cluster?.stop(), new Promise((done) => setTimeout(done, 30_000).unref())]);
    await proxy?.close();
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const url = (node: string) => {
    const found = urls[node];
    if (!found) throw new Error(`no node ${node}`);
    return found;
  };

  const openEditor = async (name: string, node: string, account: DemoAccount, id: string) => {
    const { doc, provider } = openProvider(url(node), id, { cookie: cookies[account] });
    const editor: Editor = { name, doc, provider, typed: [] };
    editors.push(editor);
    await whenSynced(provider, 15_000);
    return editor;
  };

  const openWriter = async (name: string, node: string, id: string) => {
    const writer = await AckedWriter.open(url(node), id, cookies.dakar, name);
    writers.push(writer);
    return writer;
  };

  /** Waits until every editor shows the same text, holding every token expected. */
  const converged = (
    group: Editor[],
    expected: Iterable<string>,
    timeoutMs: number,
    what: string,
  ) =>
    waitFor(
      () => {
        const first = group[0];
        if (!first) return true;
        const text = textOf(first);
        if (!group.every((editor) => textOf(editor) === text)) return false;
        const present = new Set(tokensIn(text).tokens);
        for (const token of expected) if (!present.has(token)) return false;
        return true;
      },
      timeoutMs,
      what,
    );

  const metricOf = async (node: string, name: string) => (await readMetric(url(node), name)) ?? -1;

  const eachNode = (nodes: string[], name: string, value: (v: number) => boolean) =>
    waitFor(
      async () => {
        for (const node of nodes) if (!value(await metricOf(node, name))) return false;
        return true;
      },
      15_000,
      `${name} on ${nodes.join(', ')}`,
    );

  /** The final check: one text everywhere and in the database, each token in it exactly once. */
  const expectNothingLost = async (id: string, group: Editor[], expected: Set<string>) => {
    await converged(group, expected, 20_000, 'convergence after the outage');
    const [first] = group;
    if (!first) throw new Error('no editor');
    const text = textOf(first);
    const { tokens, whole } = tokensIn(text);
    expect(whole).toBe(true);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(new Set(tokens)).toEqual(expected);
    const db = cluster?.database.db;
    if (!db) throw new Error('no database');
    await waitFor(
      async () => (await loadStoredDocument(db, id)).getText('t').toString() === text,
      10_000,
      'the stored document to match the clients',
    );
  };

  it('keeps every node editing and saving through a full outage, then converges', async () => {
    const id = await createSharedDocument(url('node-a'), cookies.bologna, 'Redis outage');
    const a1 = await openEditor('a1', 'node-a', 'bologna', id);
    const a2 = await openEditor('a2', 'node-a', 'kanazawa', id);
    const group = [
      a1,
      a2,
      await openEditor('b1', 'node-b', 'dakar', id),
      await openEditor('c1', 'node-c', 'kanazawa', id),
      await openEditor('d1', 'node-d', 'bologna', id),
    ];
    const writerA = await openWriter('wa', 'node-a', id);
    const writerD = await openWriter('wd', 'node-d', id);
    const expected = new Set<string>();
    for (const editor of group) expected.add(type(editor));
    await converged(group, expected, 10_000, 'convergence before the outage');
    const failuresBefore = await metricOf('node-a', 'uccn_fanout_publish_failures_total');

    await redis?.stop();
    const outageStarted = Date.now();
    await eachNode(Object.keys(urls), 'uccn_redis_up', (up) => up === 0);

    // Editors on one node see each other at once: their room needs no Redis.
    for (let round = 0; Date.now() - outageStarted < OUTAGE_MS || round < 5; round += 1) {
      const token = type(a1);
      expected.add(token);
      await waitFor(() => textOf(a2).includes(token), 2000, 'a2 to see a1 live during the outage');
      for (const editor of group.slice(1)) expected.add(type(editor));
      expected.add(writerA.insert());
      expected.add(writerD.insert());
      await sleep(150);
    }
    // Saves go on: the server still acknowledges edits as committed.
    await Promise.all([writerA.allAcked(), writerD.allAcked()]);
    // Other nodes' edits arrive all the same, through the log (catch-up every 500 ms).
    await converged(group, expected, 15_000, 'convergence through the log during the outage');
    expect(await metricOf('node-a', 'uccn_fanout_publish_failures_total')).toBeGreaterThan(
      failuresBefore,
    );
    expect(redis?.isRunning).toBe(false);

    await redis?.restart();
    await eachNode(Object.keys(urls), 'uccn_redis_up', (up) => up === 1);
    // Once per outage, not per retry or per message.
    for (const node of Object.keys(urls))
      expect(await metricOf(node, 'uccn_redis_reconnects_total'), node).toBe(1);
    const logged = (text: string) =>
      nodeD?.output.filter((line) => line.includes(text)).length ?? -1;
    await waitFor(() => logged('Redis is reachable again') === 1, 5000, 'the recovery log line');
    expect(logged('Redis is unreachable')).toBe(1);
    expect(nodeD?.errors).toEqual([]);

    // Pub/sub is live again (not only the catch-up timer): B receives fan-out messages.
    const receivedBefore = await metricOf('node-b', 'uccn_fanout_lag_seconds_count');
    for (const editor of group) expected.add(type(editor));
    await eachNode(['node-b'], 'uccn_fanout_lag_seconds_count', (n) => n > receivedBefore);

    await expectNothingLost(id, group, new Set([...expected]));
    for (const writer of [writerA, writerD])
      for (const token of writer.acked()) expect(expected.has(token)).toBe(true);

    // Redis came back empty: each node's heartbeat writes its presence back.
    await waitFor(
      async () => {
        const live = await liveNodesByDocument(url('node-b'), cookies.secretariat);
        return ['node-a', 'node-b', 'node-c', 'node-d'].every((n) => live.get(id)?.has(n));
      },
      15_000,
      'presence to be written back after the restart',
    );
  }, 90_000);

  it('keeps the others live when one node loses Redis, and brings it back', async () => {
    const id = await createSharedDocument(url('node-a'), cookies.bologna, 'One node cut off');
    const a1 = await openEditor('a1', 'node-a', 'bologna', id);
    const b1 = await openEditor('b1', 'node-b', 'dakar', id);
    const c1 = await openEditor('c1', 'node-c', 'kanazawa', id);
    const c2 = await openEditor('c2', 'node-c', 'bologna', id);
    const group = [a1, b1, c1, c2];
    const writerC = await openWriter('wc', 'node-c', id);
    const expected = new Set<string>();
    for (const editor of group) expected.add(type(editor));
    await converged(group, expected, 10_000, 'convergence before the cut');
    const reconnects = async (node: string) => metricOf(node, 'uccn_redis_reconnects_total');
    const before = {
      a: await reconnects('node-a'),
      b: await reconnects('node-b'),
      c: await reconnects('node-c'),
    };

    proxy?.cut();
    await eachNode(['node-c'], 'uccn_redis_up', (up) => up === 0);
    expect(await metricOf('node-a', 'uccn_redis_up')).toBe(1);
    expect(await metricOf('node-b', 'uccn_redis_up')).toBe(1);

    const cutStarted = Date.now();
    const receivedOnB = await metricOf('node-b', 'uccn_fanout_lag_seconds_count');
    for (let round = 0; Date.now() - cutStarted < OUTAGE_MS || round < 5; round += 1) {
      const fromC = type(c1);
      expected.add(fromC);
      await waitFor(() => textOf(c2).includes(fromC), 2000, 'c2 to see c1 live during the cut');
      const fromA = type(a1);
      expected.add(fromA);
      await waitFor(() => textOf(b1).includes(fromA), 2000, 'b1 to see a1 live during the cut');
      expected.add(type(c2));
      expected.add(writerC.insert());
      await sleep(150);
    }
    // A and B still talk over Redis; C's edits still reach them through the log, and back.
    expect(await metricOf('node-b', 'uccn_fanout_lag_seconds_count')).toBeGreaterThan(receivedOnB);
    await writerC.allAcked();
    await converged(group, expected, 15_000, 'convergence through the log during the cut');

    proxy?.restore();
    await eachNode(['node-c'], 'uccn_redis_up', (up) => up === 1);
    expect(await reconnects('node-c')).toBe(before.c + 1);
    expect(await reconnects('node-a')).toBe(before.a);
    expect(await reconnects('node-b')).toBe(before.b);

    // C publishes again: B hears C's next edit over pub/sub.
    const receivedAfter = await metricOf('node-b', 'uccn_fanout_lag_seconds_count');
    expected.add(type(c1));
    await eachNode(['node-b'], 'uccn_fanout_lag_seconds_count', (n) => n > receivedAfter);
    for (const editor of group) expected.add(type(editor));
    await expectNothingLost(id, group, expected);
    for (const token of writerC.acked()) expect(expected.has(token)).toBe(true);
  }, 60_000);

  it('shuts a node down cleanly while Redis is down', async () => {
    if (!nodeD || !redis) throw new Error('not started');
    const before = await createSharedDocument(url('node-a'), cookies.bologna, 'Open before');
    const onD = await openWriter('sd', 'node-d', before);
    onD.insert();
    await onD.allAcked();
    await redis.stop();
    await eachNode(['node-d'], 'uccn_redis_up', (up) => up === 0);
    // A document opened during the outage: its subscription waits for Redis.
    const during = await createSharedDocument(url('node-a'), cookies.bologna, 'Open during');
    const openedDuring = await openWriter('sd2', 'node-d', during);

    const stopping = Date.now();
    const exit = await nodeD.kill('SIGTERM');
    // A clean exit, not the 10 s forced one: clients were told to go elsewhere (4503).
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - stopping).toBeLessThan(5000);
    for (const writer of [onD, openedDuring]) expect(writer.client.closed?.code).toBe(4503);
    await redis.restart();
  }, 30_000);
});
