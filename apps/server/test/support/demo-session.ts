// Signs demo accounts in and creates shared documents, for tests that drive several nodes (in
// process or as child processes, which want the Origin header a browser sends).
import { TestClient } from './http-client';
import { DEMO_PASSWORD } from './test-server';

export const DEMO_CITIES = ['bologna', 'kanazawa', 'dakar', 'secretariat'] as const;
export type DemoAccount = (typeof DEMO_CITIES)[number];

/**
 * The session cookie of each demo account, signed in on `baseUrl` (valid on every node that
 * shares its database and AUTH_SECRET).
 * @example const cookies = await signInDemo(node.url); openProvider(url, id, { cookie: cookies.dakar });
 */
export async function signInDemo(baseUrl: string): Promise<Record<DemoAccount, string>> {
  const cookies = {} as Record<DemoAccount, string>;
  for (const account of DEMO_CITIES) {
    const client = new TestClient(baseUrl);
    const response = await client.request('POST', '/api/auth/sign-in/email', {
      json: { email: `${account}@uccn.test`, password: DEMO_PASSWORD },
      headers: { origin: baseUrl },
    });
    if (response.status !== 200) throw new Error(`sign-in as ${account}: HTTP ${response.status}`);
    cookies[account] = client.cookieHeader;
  }
  return cookies;
}

/** Creates a document owned by Bologna that Kanazawa and Dakar may edit; returns its id. */
export async function createSharedDocument(baseUrl: string, bolognaCookie: string, title: string) {
  const created = await new TestClient(baseUrl).request<{ document: { id: string } }>(
    'POST',
    '/api/documents',
    {
      json: {
        title,
        cities: [
          { slug: 'kanazawa', access: 'write' },
          { slug: 'dakar', access: 'write' },
        ],
      },
      headers: { cookie: bolognaCookie, origin: baseUrl },
    },
  );
  if (created.status !== 201) throw new Error(`creating a document: HTTP ${created.status}`);
  return created.body.document.id;
}

/** Secretariat's view of who is live, per document: the nodes serving each document. */
export async function liveNodesByDocument(
  baseUrl: string,
  secretariatCookie: string,
): Promise<Map<string, Set<string>>> {
  const response = await new TestClient(baseUrl).request<{
    documents: { id: string; people: { nodes: string[] }[] }[];
  }>('GET', '/api/presence', { headers: { cookie: secretariatCookie } });
  if (response.status !== 200) throw new Error(`GET /api/presence: HTTP ${response.status}`);
  return new Map(
    response.body.documents.map((entry) => [
      entry.id,
      new Set(entry.people.flatMap((person) => person.nodes)),
    ]),
  );
}
