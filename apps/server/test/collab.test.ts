// The co-editing core through the real server: the stock y-websocket provider, access at the
// upgrade, read-only connections, revocation, saved acknowledgements, awareness identity.

import { availableDrivers } from '@uccn/db/testing';
import { decodeSavedMessage, MessageType } from '@uccn/protocol';
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  awarenessMessage,
  openProvider,
  RawCollabClient,
  syncUpdate,
  waitFor,
  whenSynced,
} from './support/collab-clients';
import { TestClient } from './support/http-client';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './support/test-server';

const drivers = await availableDrivers();

describe.each(drivers)('co-editing on %s', (driver) => {
  let server: TestServer;
  const clients: Record<string, TestClient> = {};
  let documentId: string;
  const wsUrl = (path: string) => `${server.url.replace(/^http/, 'ws')}${path}`;

  beforeAll(async () => {
    server = await startTestServer(driver, {
      SIGN_IN_RATE_LIMIT: '1000',
      COLLAB_ACCESS_RECHECK_MS: '200',
    });
    for (const city of ['bologna', 'kanazawa', 'dakar', 'montreal']) {
      clients[city] = new TestClient(server.url);
      await clients[city].signIn(`${city}@uccn.test`, DEMO_PASSWORD);
    }
    clients.secretariat = new TestClient(server.url);
    await clients.secretariat.signIn('secretariat@uccn.test', DEMO_PASSWORD);
    const created = await clients.bologna?.post<{ document: { id: string } }>('/api/documents', {
      title: 'Joint notes',
      cities: [
        { slug: 'kanazawa', access: 'write' },
        { slug: 'dakar', access: 'read' },
      ],
    });
    expect(created?.status).toBe(201);
    documentId = created?.body.document.id ?? '';
  });
  afterAll(() => server?.stop());

  const cookie = (city: string) => clients[city]?.cookieHeader ?? '';

  it('lets two stock providers co-edit and converge (cookie and token)', async () => {
    const token = await clients.kanazawa?.post<{ token: string; access: string }>(
      `/api/documents/${documentId}/token`,
    );
    expect(token?.body.access).toBe('write');
    const a = openProvider(server.url, documentId, { cookie: cookie('bologna') });
    const b = openProvider(server.url, documentId, { token: token?.body.token ?? '' });
    await Promise.all([whenSynced(a.provider), whenSynced(b.provider)]);
    a.doc.getText('t').insert(0, 'Bologna writes. ');
    b.doc.getText('t').insert(0, 'Kanazawa writes. ');
    await waitFor(
      () =>
        a.doc.getText('t').toString() === b.doc.getText('t').toString() &&
        a.doc.getText('t').length > 20,
    );
    expect(a.doc.getText('t').toString()).toContain('Bologna writes.');
    expect(a.doc.getText('t').toString()).toContain('Kanazawa writes.');
    a.provider.destroy();
    b.provider.destroy();
  });

  it('merges edits made offline when the provider reconnects', async () => {
    const a = openProvider(server.url, documentId, { cookie: cookie('bologna') });
    const b = openProvider(server.url, documentId, { cookie: cookie('kanazawa') });
    await Promise.all([whenSynced(a.provider), whenSynced(b.provider)]);
    b.provider.disconnect();
    b.doc.getText('offline').insert(0, 'written on the train');
    a.doc.getText('offline').insert(0, 'written at the office / ');
    b.provider.connect();
    await waitFor(
      () =>
        a.doc.getText('offline').length === b.doc.getText('offline').length &&
        a.doc.getText('offline').length > 30,
    );
    expect(a.doc.getText('offline').toString()).toBe(b.doc.getText('offline').toString());
    a.provider.destroy();
    b.provider.destroy();
  });

  it('refuses at the upgrade: 401 without a session, 403 without access, 404 unknown', async () => {
    const statusOf = async (path: string, cookieHeader?: string) => {
      const client = new RawCollabClient(wsUrl(path), cookieHeader);
      await client.opened.catch(() => {});
      return client.unexpected;
    };
    expect(await statusOf(`/collab/${documentId}`)).toBe(401);
    expect(await statusOf(`/collab/${documentId}?token=forged.token`)).toBe(401);
    expect(await statusOf(`/collab/${documentId}`, cookie('montreal'))).toBe(403);
    expect(await statusOf('/collab/00000000-0000-4000-8000-000000000000', cookie('bologna'))).toBe(
      404,
    );
    expect(await statusOf('/collab/not-a-uuid', cookie('bologna'))).toBe(404);
  });

  it('shows a read-only city the document live, but never applies what it sends', async () => {
    const writer = openProvider(server.url, documentId, { cookie: cookie('bologna') });
    const reader = openProvider(server.url, documentId, { cookie: cookie('dakar') });
    await Promise.all([whenSynced(writer.provider), whenSynced(reader.provider)]);
    writer.doc.getText('live').insert(0, 'seen by Dakar');
    await waitFor(() => reader.doc.getText('live').toString() === 'seen by Dakar');
    reader.doc.getText('live').insert(0, 'SNEAKY ');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(writer.doc.getText('live').toString()).toBe('seen by Dakar');
    const stored = new Y.Doc();
    Y.applyUpdate(stored, await server.services.collab.state(documentId));
    expect(stored.getText('live').toString()).toBe('seen by Dakar');
    writer.provider.destroy();
    reader.provider.destroy();
  });

  it('lets the Secretariat read every document', async () => {
    const secretariat = openProvider(server.url, documentId, { cookie: cookie('secretariat') });
    await whenSynced(secretariat.provider);
    expect(secretariat.doc.getText('live').toString()).toBe('seen by Dakar');
    secretariat.provider.destroy();
  });

  it('acknowledges an edit as saved only when it is committed, if asked', async () => {
    const client = new RawCollabClient(wsUrl(`/collab/${documentId}?acks=1`), cookie('bologna'));
    await client.opened;
    const local = new Y.Doc();
    local.getText('acked').insert(0, 'durable');
    client.send(syncUpdate(Y.encodeStateAsUpdate(local)));
    await waitFor(() => client.framesOfType(MessageType.Saved).length > 0);
    const [saved] = client.framesOfType(MessageType.Saved);
    const vector = Y.decodeStateVector(decodeSavedMessage(saved ?? new Uint8Array()));
    expect(vector.get(local.clientID)).toBe(7);
    // Without ?acks=1 a client never receives that message type.
    const stock = new RawCollabClient(wsUrl(`/collab/${documentId}`), cookie('bologna'));
    await stock.opened;
    stock.send(syncUpdate(Y.encodeStateAsUpdate(local)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stock.framesOfType(MessageType.Saved)).toHaveLength(0);
    client.close();
    stock.close();
  });

  it("sets each user's identity in awareness and drops a spoofed one", async () => {
    const watcher = openProvider(server.url, documentId, { cookie: cookie('kanazawa') });
    await whenSynced(watcher.provider);
    const spoofer = new RawCollabClient(wsUrl(`/collab/${documentId}`), cookie('bologna'));
    await spoofer.opened;
    spoofer.send(
      awarenessMessage([
        {
          clientId: 4242,
          clock: 1,
          state: { user: { id: 'someone-else', name: 'The Secretariat' } },
        },
      ]),
    );
    spoofer.send(
      awarenessMessage([
        { clientId: 4343, clock: 1, state: { cursor: { anchor: 1 }, user: { name: 'Fake name' } } },
      ]),
    );
    await waitFor(() => watcher.provider.awareness.getStates().has(4343));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const states = watcher.provider.awareness.getStates();
    expect(states.has(4242)).toBe(false);
    // A user without an id is not a spoof: the server puts the real identity there.
    expect(states.get(4343)?.user).toMatchObject({ name: 'Bologna focal point', city: 'Bologna' });
    spoofer.close();
    watcher.provider.destroy();
  });

  it('replaces the user field with the server identity', async () => {
    const watcher = openProvider(server.url, documentId, { cookie: cookie('kanazawa') });
    await whenSynced(watcher.provider);
    const me = await clients.bologna?.get<{ user: { id: string } }>('/api/me');
    const client = new RawCollabClient(wsUrl(`/collab/${documentId}`), cookie('bologna'));
    await client.opened;
    client.send(
      awarenessMessage([
        {
          clientId: 5151,
          clock: 1,
          state: {
            cursor: null,
            user: { id: me?.body.user.id, name: 'Whatever I like', color: '#000' },
          },
        },
      ]),
    );
    await waitFor(() => watcher.provider.awareness.getStates().has(5151));
    expect(watcher.provider.awareness.getStates().get(5151)?.user).toMatchObject({
      id: me?.body.user.id,
      name: 'Bologna focal point',
      city: 'Bologna',
    });
    client.close();
    await waitFor(() => !watcher.provider.awareness.getStates().has(5151));
    watcher.provider.destroy();
  });

  it('shows a client that reconnects with its old awareness clock again at once', async () => {
    const watcher = openProvider(server.url, documentId, { cookie: cookie('kanazawa') });
    const editor = openProvider(server.url, documentId, { cookie: cookie('bologna') });
    await Promise.all([whenSynced(watcher.provider), whenSynced(editor.provider)]);
    const id = editor.doc.clientID;
    editor.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    await waitFor(() => watcher.provider.awareness.getStates().has(id), 5000, 'first state');
    editor.provider.disconnect();
    await waitFor(() => !watcher.provider.awareness.getStates().has(id), 5000, 'removal');
    editor.provider.connect();
    // Without taking the clock past the removal, peers ignore it until the 15–30 s renewal.
    await waitFor(() => watcher.provider.awareness.getStates().has(id), 3000, 'state again');
    // And the client's next change is seen too (its own clock moved along with the echo).
    editor.provider.awareness.setLocalStateField('cursor', { anchor: 2 });
    await waitFor(
      () => watcher.provider.awareness.getStates().get(id)?.cursor?.anchor === 2,
      3000,
      'next change',
    );
    editor.provider.destroy();
    watcher.provider.destroy();
  });

  it('closes a connection whose access is revoked, with a named code, within seconds', async () => {
    const kanazawa = new RawCollabClient(wsUrl(`/collab/${documentId}`), cookie('kanazawa'));
    await kanazawa.opened;
    const revoked = await clients.bologna?.request('PUT', `/api/documents/${documentId}/access`, {
      json: { cities: [{ slug: 'dakar', access: 'read' }] },
    });
    expect(revoked?.status).toBe(200);
    await waitFor(() => kanazawa.closed !== null, 3000, 'revocation close');
    expect(kanazawa.closed).toEqual({ code: 4403, reason: 'access_changed' });
    const again = new RawCollabClient(wsUrl(`/collab/${documentId}`), cookie('kanazawa'));
    await again.opened.catch(() => {});
    expect(again.unexpected).toBe(403);
  });

  it('keeps named versions and restores one as an ordinary edit everyone sees', async () => {
    const a = openProvider(server.url, documentId, { cookie: cookie('bologna') });
    await whenSynced(a.provider);
    const body = a.doc.getXmlFragment('default');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('First draft')]);
    body.insert(0, [paragraph]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const version = await clients.bologna?.post<{ version: { id: string } }>(
      `/api/documents/${documentId}/versions`,
      { label: 'Draft 1' },
    );
    expect(version?.status).toBe(201);
    body.delete(0, body.length);
    await waitFor(async () => {
      const stored = new Y.Doc();
      Y.applyUpdate(stored, await server.services.collab.state(documentId));
      return stored.getXmlFragment('default').length === 0;
    });
    const restored = await clients.bologna?.post(
      `/api/documents/${documentId}/versions/${version?.body.version.id}/restore`,
    );
    expect(restored?.status).toBe(200);
    await waitFor(() => body.toString().includes('First draft'));
    const list = await clients.bologna?.get<{ versions: { kind: string }[] }>(
      `/api/documents/${documentId}/versions`,
    );
    expect(list?.body.versions.map((entry) => entry.kind)).toEqual(['before-restore', 'named']);
    const dakarRestore = await clients.dakar?.post(
      `/api/documents/${documentId}/versions/${version?.body.version.id}/restore`,
    );
    expect(dakarRestore?.status).toBe(403);
    a.provider.destroy();
  });

  it('answers a query-awareness message with the current states', async () => {
    const client = new RawCollabClient(wsUrl(`/collab/${documentId}`), cookie('bologna'));
    await client.opened;
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    client.send(new Uint8Array([MessageType.QueryAwareness]));
    await waitFor(() => client.frames.length >= 1);
    expect(
      decoding.readVarUint(decoding.createDecoder(client.frames[0] ?? new Uint8Array([9]))),
    ).toBe(MessageType.Sync);
    awareness.destroy();
    client.close();
  });
});
