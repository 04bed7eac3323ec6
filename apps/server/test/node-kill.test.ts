// A node dies by SIGKILL while clients edit through it: stock providers reconnect by themselves
// (through a failover proxy, to another node), every edit the dead node acknowledged as saved is
// still there, nothing a stock client typed is lost, and presence forgets the dead node.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, isPostgresReachable, type TestDatabase } from '@uccn/db/testing';
import { isRedisReachable, TEST_REDIS_URL } from '@uccn/realtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { AckedWriter, tokensIn } from './support/acked-writer';
import { openProvider, waitFor, whenSynced } from './support/collab-clients';
import {
  createSharedDocument,
  type DemoAccount,
  liveNodesByDocument,
  signInDemo,
} from './support/demo-session';
import { ServerProcess } from './support/server-process';
import { loadStoredDocument } from './support/stored-document';
import { TcpProxy } from './support/tcp-proxy';

const services = (await isRedisReachable()) && (await isPostgresReachable());
const NODE_IDS = ['node-a', 'node-b', 'node-c'] as const;
/** Presence keys live three heartbeats (3 × 3 s); a little more for a loaded machine. */
const PRESENCE_EXPIRY_MS = 12_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Editor {
  name: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  typed: string[];
  closes: number;
}

function type(editor: Editor) {
  const token = `<${editor.name}.${editor.typed.length}>`;
  const text = editor.doc.getText('t');
  text.insert(text.length, token);
  editor.typed.push(token);
}

const textOf = (editor: Editor) => editor.doc.getText('t').toString();
const portOf = (url: string) => Number(new URL(url).port);

describe.runIf(services)('SIGKILL of the node the clients are on', () => {
  let database: TestDatabase | undefined;
  let proxy: TcpProxy | undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'uccn-node-kill-'));
  const nodes = new Map<string, ServerProcess>();
  const editors: Editor[] = [];
  const writers: AckedWriter[] = [];
  let cookies: Record<DemoAccount, string>;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const env = {
      DATABASE_URL: database.url ?? '',
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: `test:node-kill:${randomBytes(6).toString('hex')}:`,
      AUTH_SECRET: `node-kill-${randomBytes(16).toString('hex')}`,
      DATA_DIR: dataDir,
      DEMO: 'true',
      LOG_LEVEL: 'warn',
      SIGN_IN_RATE_LIMIT: '1000',
      COLLAB_CATCH_UP_MS: '500',
    };
    const started = await Promise.all(
      NODE_IDS.map((id) => ServerProcess.start({ ...env, NODE_ID: id })),
    );
    for (const [index, id] of NODE_IDS.entries()) nodes.set(id, started[index] as ServerProcess);
    // One address for the clients, as behind a load balancer: node A first, then the next alive.
    proxy = await TcpProxy.start({
      targets: started.map((node) => ({ host: '127.0.0.1', port: portOf(node.url) })),
    });
    cookies = await signInDemo(node('node-a').url);
  });

  afterAll(async () => {
    for (const editor of editors) editor.provider.destroy();
    for (const writer of writers) writer.close();
    await proxy?.close();
    await Promise.all([...nodes.values()].map((server) => server.kill()));
    await database?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function node(id: string) {
    const found = nodes.get(id);
    if (!found) throw new Error(`no node ${id}`);
    return found;
  }

  const openEditor = async (name: string, baseUrl: string, account: DemoAccount, id: string) => {
    const { doc, provider } = openProvider(baseUrl, id, { cookie: cookies[account] });
    const editor: Editor = { name, doc, provider, typed: [], closes: 0 };
    provider.on('connection-close', () => {
      editor.closes += 1;
    });
    editors.push(editor);
    await whenSynced(provider, 15_000);
    return editor;
  };

  it('reconnects the clients to another node and loses nothing acknowledged', async () => {
    if (!proxy) throw new Error('no proxy');
    const front = proxy.url('http');
    const id = await createSharedDocument(node('node-a').url, cookies.bologna, 'Node kill');
    const viaProxy = [
      await openEditor('p1', front, 'bologna', id),
      await openEditor('p2', front, 'kanazawa', id),
    ];
    const observer = await openEditor('c1', node('node-c').url, 'dakar', id);
    for (const name of ['w1', 'w2'])
      writers.push(await AckedWriter.open(front, id, cookies.dakar, name));
    // Every client behind the proxy is on node A.
    expect(new Set(proxy.routed.map((target) => target.port))).toEqual(
      new Set([portOf(node('node-a').url)]),
    );
    await waitFor(
      async () => {
        const live = await liveNodesByDocument(node('node-b').url, cookies.secretariat);
        return live.get(id)?.has('node-a') === true && live.get(id)?.has('node-c') === true;
      },
      10_000,
      'presence of both nodes before the kill',
    );

    // Burst: raw writers as fast as acks come, stock editors every 20 ms; kill A mid-burst.
    let bursting = true;
    const bursts = [
      ...writers.map(async (writer) => {
        while (bursting && writer.isOpen) {
          writer.insert();
          await sleep(3);
        }
      }),
      (async () => {
        while (bursting) {
          for (const editor of viaProxy) type(editor);
          await sleep(20);
        }
      })(),
    ];
    await waitFor(() => writers.every((w) => w.acked().length >= 10), 15_000, 'acks to arrive');
    await sleep(100);
    const killedAt = Date.now();
    const exit = await node('node-a').kill('SIGKILL');
    bursting = false;
    await Promise.all(bursts);
    expect(exit.signal).toBe('SIGKILL');

    // The stock providers notice, reconnect through the proxy, and land on node B.
    await waitFor(
      () => viaProxy.every((e) => e.closes > 0 && e.provider.wsconnected && e.provider.synced),
      20_000,
      'the providers to reconnect by themselves',
    );
    const reconnectMs = Date.now() - killedAt;
    expect(proxy.routed.at(-1)?.port).toBe(portOf(node('node-b').url));

    // Everyone converges: stock clients resent what they typed; acked edits were on disk.
    const acked = writers.flatMap((writer) => writer.acked());
    const typed = viaProxy.flatMap((editor) => editor.typed);
    const group = [...viaProxy, observer];
    await waitFor(
      () => {
        const text = textOf(observer);
        const present = new Set(tokensIn(text).tokens);
        return (
          group.every((editor) => textOf(editor) === text) &&
          [...acked, ...typed].every((token) => present.has(token))
        );
      },
      20_000,
      'convergence with every acknowledged and every typed token',
    );
    const final = textOf(observer);
    const { tokens, whole } = tokensIn(final);
    expect(whole).toBe(true);
    expect(new Set(tokens).size).toBe(tokens.length);
    // Raw writers' unacknowledged edits may be lost with the node, but never only part of one.
    const sent = new Set(writers.flatMap((writer) => writer.sent.map((s) => s.token)));
    for (const token of tokens) expect(sent.has(token) || typed.includes(token)).toBe(true);

    // What a node loading the document fresh would serve is the same.
    if (!database) throw new Error('no database');
    const db = database.db;
    await waitFor(
      async () => (await loadStoredDocument(db, id)).getText('t').toString() === final,
      10_000,
      'the stored document to match the clients',
    );

    // Presence: node A's key expires by itself; the reconnected clients show on node B.
    await waitFor(
      async () => {
        const live = await liveNodesByDocument(node('node-c').url, cookies.secretariat);
        return live.get(id)?.has('node-a') === false && live.get(id)?.has('node-b') === true;
      },
      PRESENCE_EXPIRY_MS,
      'the dead node to vanish from presence',
    );
    const ghostGoneMs = Date.now() - killedAt;
    const everywhere = await liveNodesByDocument(node('node-b').url, cookies.secretariat);
    for (const live of everywhere.values()) expect(live.has('node-a')).toBe(false);
    console.log(
      `[node-kill] ${sent.size} raw tokens sent, ${acked.length} acked, ${typed.length} typed; all kept; ` +
        `providers back in ${reconnectMs} ms; node-a gone from presence after ${ghostGoneMs} ms`,
    );
    for (const name of ['node-b', 'node-c']) expect(node(name).errors).toEqual([]);
  }, 90_000);
});
