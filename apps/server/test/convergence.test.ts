// Randomized convergence through the real server: stock providers (cookie and token) make random
// edits on text, map and array, drop off and come back with offline edits; in the end every client,
// the live room and the stored document agree. CONVERGENCE_SEED replays the operations (timing
// still varies); CONVERGENCE_MS sets how long clients edit.
import { DrizzleUpdateStore } from '@uccn/collab/drizzle';
import { availableDrivers } from '@uccn/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openProvider, waitFor, whenSynced } from './support/collab-clients';
import { TestClient } from './support/http-client';
import { type Random, seededRandom, seedFrom } from './support/random';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './support/test-server';

const drivers = await availableDrivers();
const seed = seedFrom(process.env.CONVERGENCE_SEED);
const editingMs = Number(process.env.CONVERGENCE_MS ?? 10_000);
const CLIENTS = 8;
const MAP_KEYS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

interface Editor {
  doc: Y.Doc;
  provider: WebsocketProvider;
  online: boolean;
}

/** Everything a user could see in the document, with map keys in a stable order. */
function contentOf(doc: Y.Doc) {
  const map = doc.getMap<unknown>('map').toJSON();
  return {
    text: doc.getText('text').toString(),
    map: Object.fromEntries(
      Object.keys(map)
        .sort()
        .map((key) => [key, map[key]]),
    ),
    array: doc.getArray<unknown>('array').toJSON(),
  };
}

/** The state vector as sorted [client, clock] pairs. */
function clocksOf(doc: Y.Doc) {
  return [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b);
}

const fingerprint = (doc: Y.Doc) => JSON.stringify([contentOf(doc), clocksOf(doc)]);

function randomWord(random: Random) {
  const letters = 'abcdefghijklmnopqrstuvwxyz ';
  return Array.from({ length: random.int(1, 6) }, () => random.pick([...letters])).join('');
}

/** One random edit on one of the three roots. */
function randomEdit(doc: Y.Doc, random: Random) {
  const text = doc.getText('text');
  const map = doc.getMap<unknown>('map');
  const array = doc.getArray<unknown>('array');
  const roll = random.next();
  if (roll < 0.35) text.insert(random.int(0, text.length), randomWord(random));
  else if (roll < 0.5 && text.length > 0) {
    const index = random.int(0, text.length - 1);
    text.delete(index, random.int(1, Math.min(5, text.length - index)));
  } else if (roll < 0.65) {
    map.set(random.pick(MAP_KEYS), random.chance(0.5) ? random.int(0, 1000) : randomWord(random));
  } else if (roll < 0.7) map.delete(random.pick(MAP_KEYS));
  else if (roll < 0.9) array.insert(random.int(0, array.length), [random.int(0, 1000)]);
  else if (array.length > 0) {
    const index = random.int(0, array.length - 1);
    array.delete(index, random.int(1, Math.min(3, array.length - index)));
  }
}

describe.each(drivers)('convergence through the server on %s', (driver) => {
  let server: TestServer;
  let documentId: string;
  const credentials: { cookie?: string; token?: string }[] = [];
  const editors: Editor[] = [];

  beforeAll(async () => {
    server = await startTestServer(driver, {
      SIGN_IN_RATE_LIMIT: '1000',
      COLLAB_IDLE_UNLOAD_MS: '100',
      COLLAB_COMPACT_AFTER_UPDATES: '50',
    });
    const users: TestClient[] = [];
    for (const city of ['bologna', 'kanazawa']) {
      const user = new TestClient(server.url);
      expect((await user.signIn(`${city}@uccn.test`, DEMO_PASSWORD)).status).toBe(200);
      users.push(user);
    }
    const [bologna, kanazawa] = users;
    if (!bologna || !kanazawa) throw new Error('sign-in failed');
    const created = await bologna.post<{ document: { id: string } }>('/api/documents', {
      title: 'Convergence',
      cities: [{ slug: 'kanazawa', access: 'write' }],
    });
    expect(created.status).toBe(201);
    documentId = created.body.document.id;
    for (let index = 0; index < CLIENTS; index += 1) {
      // Alternating: cookie and token, Bologna and Kanazawa.
      const user = index % 4 < 2 ? bologna : kanazawa;
      if (index % 2 === 0) credentials.push({ cookie: user.cookieHeader });
      else {
        const issued = await user.post<{ token: string }>(`/api/documents/${documentId}/token`);
        expect(issued.status).toBe(200);
        credentials.push({ token: issued.body.token });
      }
    }
  });
  afterAll(async () => {
    for (const editor of editors) editor.provider.destroy();
    await server?.stop();
  });

  it(
    'brings every client, the live room and the stored document to the same state',
    async () => {
      console.log(`[convergence] ${driver}: CONVERGENCE_SEED=${seed}`);
      const random = seededRandom(seed);
      for (const credential of credentials) {
        const { doc, provider } = openProvider(server.url, documentId, credential);
        editors.push({ doc, provider, online: true });
      }
      await Promise.all(editors.map((editor) => whenSynced(editor.provider, 20_000)));

      const counts = { edits: 0, offlineEdits: 0, disconnects: 0 };
      const halfway = Date.now() + editingMs / 2;
      const deadline = Date.now() + editingMs;
      let unloaded = false;
      while (Date.now() < deadline) {
        if (!unloaded && Date.now() > halfway) {
          // Once, everyone goes offline long enough for the room to unload; the clients then
          // come back while its final save may still run, with edits made in the meantime.
          for (const editor of editors) {
            editor.provider.disconnect();
            editor.online = false;
          }
          await waitFor(() => server.services.collab.registry.size === 0, 30_000, 'unload');
          unloaded = true;
        }
        for (let n = random.int(1, 2); n > 0; n -= 1) {
          const editor = random.pick(editors);
          if (random.chance(editor.online ? 0.04 : 0.2)) {
            editor.online = !editor.online;
            if (editor.online) editor.provider.connect();
            else {
              editor.provider.disconnect();
              counts.disconnects += 1;
            }
            continue;
          }
          randomEdit(editor.doc, random);
          counts.edits += 1;
          if (!editor.online) counts.offlineEdits += 1;
        }
        await new Promise((resolve) => setTimeout(resolve, random.int(1, 8)));
      }
      console.log(`[convergence] ${driver}: ${JSON.stringify(counts)}`);
      expect(counts.offlineEdits).toBeGreaterThan(0);

      for (const editor of editors) {
        if (!editor.online) editor.provider.connect();
        editor.online = true;
      }
      const [first] = editors;
      if (!first) throw new Error('no editors');
      await waitFor(
        () =>
          editors.every(
            (editor) =>
              editor.provider.wsconnected &&
              editor.provider.synced &&
              fingerprint(editor.doc) === fingerprint(first.doc),
          ),
        60_000,
        `every client to converge (seed ${seed})`,
      );
      const expected = { content: contentOf(first.doc), clocks: clocksOf(first.doc) };
      expect(clocksOf(first.doc).length).toBeGreaterThanOrEqual(CLIENTS);

      // The live room has the same document.
      const live = new Y.Doc();
      Y.applyUpdate(live, await server.services.collab.state(documentId));
      expect({ content: contentOf(live), clocks: clocksOf(live) }, `seed ${seed}`).toEqual(
        expected,
      );

      // And so does the store, once the room has unloaded (final save and snapshot).
      const room = server.services.collab.registry.get(documentId);
      expect(room?.status).toBe('ready');
      for (const editor of editors.splice(0)) editor.provider.destroy();
      await waitFor(
        () => server.services.collab.registry.size === 0 && room?.status === 'closed',
        30_000,
        'the room to unload',
      );
      const stored = await new DrizzleUpdateStore(server.services.db).load(documentId);
      expect(stored.snapshot).not.toBeNull();
      const reloaded = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(reloaded, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(reloaded, update);
      expect({ content: contentOf(reloaded), clocks: clocksOf(reloaded) }, `seed ${seed}`).toEqual(
        expected,
      );
    },
    editingMs + 120_000,
  );
});
