// Automatic versions are taken while a document is being edited, not while it sits idle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProvider, waitFor, whenSynced } from './support/collab-clients';
import { TestClient } from './support/http-client';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './support/test-server';

describe('automatic versions', () => {
  let server: TestServer;
  let client: TestClient;
  let documentId: string;

  beforeAll(async () => {
    server = await startTestServer('pglite', { COLLAB_AUTO_VERSION_MS: '300' });
    client = new TestClient(server.url);
    await client.signIn('popayan@uccn.test', DEMO_PASSWORD);
    const created = await client.post<{ document: { id: string } }>('/api/documents', {
      title: 'Minutes',
      cities: [],
    });
    documentId = created.body.document.id;
  });
  afterAll(() => server?.stop());

  const versionKinds = async () =>
    (
      await client.get<{ versions: { kind: string }[] }>(`/api/documents/${documentId}/versions`)
    ).body.versions.map((version) => version.kind);

  it('takes one after the interval when edits keep coming, and none while idle', async () => {
    const { doc, provider } = openProvider(server.url, documentId, { cookie: client.cookieHeader });
    await whenSynced(provider);
    doc.getText('t').insert(0, 'first');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await versionKinds()).toEqual([]);
    doc.getText('t').insert(0, 'second ');
    await waitFor(async () => (await versionKinds()).length === 1);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await versionKinds()).toEqual(['auto']);
    provider.destroy();
  });
});
