// The demo workspace's sample network through the real server: the Secretariat's cooperation
// graph spans regions and every field, proposals sit in many statuses, field channels have
// topics, and seeding again adds nothing.

import { schema } from '@uccn/db';
import { availableDrivers } from '@uccn/db/testing';
import { count, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoNetwork } from '../src/startup/demo-network';
import { TestClient } from './support/http-client';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './support/test-server';

const drivers = await availableDrivers();

interface Named {
  slug: string;
}
interface Graph {
  nodes: { city: { slug: string; region: Named; field: Named } }[];
  edges: { source: string; target: string }[];
}
interface Proposal {
  title: string;
  status: string;
}

describe.each(drivers)('the demo network on %s', (driver) => {
  let server: TestServer;
  const clients: Record<string, TestClient> = {};
  const get = <T>(account: string, path: string) =>
    clients[account]?.request<T>('GET', path, { headers: { origin: server.url } }) ??
    Promise.reject(new Error(`not signed in: ${account}`));

  beforeAll(async () => {
    server = await startTestServer(driver, { DEMO_NETWORK: 'true', SIGN_IN_RATE_LIMIT: '1000' });
    for (const account of ['secretariat', 'bologna']) {
      const client = new TestClient(server.url);
      const signedIn = await client.request('POST', '/api/auth/sign-in/email', {
        json: { email: `${account}@uccn.test`, password: DEMO_PASSWORD },
        headers: { origin: server.url },
      });
      expect(signedIn.status).toBe(200);
      clients[account] = client;
    }
  }, 60_000);
  afterAll(() => server?.stop());

  it('shows the Secretariat cooperation across regions and every field', async () => {
    const graph = await get<Graph>('secretariat', '/api/monitoring/graph');
    expect(graph.status).toBe(200);
    const city = new Map(graph.body.nodes.map((node) => [node.city.slug, node.city]));
    const linked = graph.body.edges.flatMap((edge) => [
      city.get(edge.source),
      city.get(edge.target),
    ]);
    const regions = new Set(linked.map((c) => c?.region.slug));
    const fields = new Set(linked.map((c) => c?.field.slug));
    expect(regions.size).toBeGreaterThanOrEqual(4);
    expect(fields.size).toBe(7);
  });

  it('has demo proposals in many statuses, public ones readable by member cities', async () => {
    const listed = await get<{ proposals: Proposal[] }>('secretariat', '/api/proposals');
    expect(listed.status).toBe(200);
    const demo = listed.body.proposals.filter((p) => p.title.startsWith('[Demo] '));
    expect(new Set(demo.map((p) => p.status)).size).toBeGreaterThanOrEqual(6);

    const member = await get<{ proposals: Proposal[] }>('bologna', '/api/proposals');
    const statuses = new Set(member.body.proposals.map((p) => p.status));
    expect(statuses).toContain('completed');
    // Bologna's own draft, not anyone else's.
    expect(member.body.proposals.filter((p) => p.status === 'draft').map((p) => p.title)).toEqual([
      '[Demo] Orchestras of the Gulf and the Atlantic',
    ]);
  });

  it('has demo topics in the field channels', async () => {
    const listed = await get<{ channels: { slug: string; topicCount: number; unread: number }[] }>(
      'bologna',
      '/api/channels',
    );
    const music = listed.body.channels.find((channel) => channel.slug === 'music');
    expect(music?.topicCount).toBeGreaterThan(0);
    // Bologna opened the music topic; the others' replies are unread.
    expect(music?.unread).toBeGreaterThan(0);
  });

  it('adds nothing when seeded again', async () => {
    const db = server.services.db;
    const demoCount = async () => {
      const [proposals] = await db
        .select({ n: count() })
        .from(schema.proposals)
        .where(like(schema.proposals.title, '[Demo]%'));
      const [topics] = await db
        .select({ n: count() })
        .from(schema.topics)
        .where(like(schema.topics.title, '[Demo]%'));
      const [activity] = await db.select({ n: count() }).from(schema.activityLog);
      return { proposals: proposals?.n, topics: topics?.n, activity: activity?.n };
    };
    const before = await demoCount();
    expect(before.proposals).toBeGreaterThanOrEqual(20);
    expect(await seedDemoNetwork(db)).toBe(0);
    expect(await seedDemoNetwork(db)).toBe(0);
    expect(await demoCount()).toEqual(before);
  });
});
