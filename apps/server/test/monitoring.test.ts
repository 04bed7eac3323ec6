// The Secretariat's monitoring through the real server: only the Secretariat gets in; the
// cooperation graph and its measures on a small known graph (isolated by year); activity counts;
// CSV exports; Membership Monitoring Reports due, overdue and recorded, on fixed dates.

import { schema } from '@uccn/db';
import { availableDrivers } from '@uccn/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './support/http-client';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './support/test-server';

const drivers = await availableDrivers();

const ACCOUNTS = ['dakar', 'montreal', 'kanazawa', 'secretariat'] as const;
type Account = (typeof ACCOUNTS)[number];
type ErrorBody = { error: { code: string } };

interface Graph {
  nodes: { city: { slug: string }; degree: number; betweenness: number; activity: number }[];
  edges: { source: string; target: string; weight: number; initiatives: number }[];
}
interface Measures {
  initiatives: { total: number; international: number; crossRegion: number };
  regionMatrix: { keys: string[]; cells: number[][] };
  withoutPartner: { slug: string }[];
  centrality: { city: { slug: string }; degree: number; betweenness: number }[];
  perYear: { year: number; initiatives: number; newPairs: number }[];
}
interface ReportStatus {
  city: { slug: string; designationYear: number | null };
  schedule: { nextCycle: number; nextDueDate: string; overdue: boolean; missedCycles: number };
}

describe.each(drivers)('monitoring on %s', (driver) => {
  let server: TestServer;
  const clients = {} as Record<Account, TestClient>;
  const api = <T>(account: Account, method: string, path: string, json?: unknown) =>
    clients[account].request<T & ErrorBody>(method, path, {
      json,
      headers: { origin: server.url },
    });

  beforeAll(async () => {
    server = await startTestServer(driver, { SIGN_IN_RATE_LIMIT: '1000' });
    for (const account of ACCOUNTS) {
      clients[account] = new TestClient(server.url);
      const signedIn = await clients[account].request('POST', '/api/auth/sign-in/email', {
        json: { email: `${account}@uccn.test`, password: DEMO_PASSWORD },
        headers: { origin: server.url },
      });
      expect(signedIn.status).toBe(200);
    }
    // A known path for 2019 (no demo data that year): Dakar — Montréal — Kanazawa.
    for (const [account, partner] of [
      ['dakar', 'montreal'],
      ['montreal', 'kanazawa'],
    ] as const) {
      const created = await api(account, 'POST', '/api/initiatives', {
        title: `2019 with ${partner}`,
        partners: [partner],
        startDate: '2019-05-01',
      });
      expect(created.status).toBe(201);
    }
  }, 60_000);
  afterAll(() => server?.stop());

  it('is for the Secretariat only', async () => {
    for (const path of [
      '/api/monitoring/graph',
      '/api/monitoring/measures',
      '/api/monitoring/activity',
      '/api/monitoring/reports',
      '/api/monitoring/reports/due',
    ]) {
      expect((await api('dakar', 'GET', path)).status).toBe(403);
      expect((await new TestClient(server.url).request('GET', path)).status).toBe(401);
    }
    const record = await api('dakar', 'POST', '/api/monitoring/reports', {
      city: 'dakar',
      receivedOn: '2026-01-01',
    });
    expect(record.status).toBe(403);
  });

  it('draws the cooperation graph, with the demo network when unfiltered', async () => {
    const all = await api<Graph>('secretariat', 'GET', '/api/monitoring/graph');
    expect(all.status).toBe(200);
    expect(all.body.nodes.length).toBeGreaterThanOrEqual(350);
    expect(all.body.edges).toContainEqual(
      expect.objectContaining({ source: 'bologna', target: 'medellin', initiatives: 1 }),
    );

    const known = await api<Graph>('secretariat', 'GET', '/api/monitoring/graph?year=2019');
    const edges = known.body.edges.map((e) => [e.source, e.target].sort().join('–')).sort();
    expect(edges).toEqual(['dakar–montreal', 'kanazawa–montreal']);
    const montreal = known.body.nodes.find((n) => n.city.slug === 'montreal');
    expect(montreal).toMatchObject({ degree: 2, betweenness: 1 });
    // Activity counts the log in the year filtered on: nothing was logged in 2019.
    expect(montreal?.activity).toBe(0);
    expect(all.body.nodes.find((n) => n.city.slug === 'montreal')?.activity).toBeGreaterThan(0);
  });

  it('computes the measures of the known graph', async () => {
    const { body, status } = await api<Measures>(
      'secretariat',
      'GET',
      '/api/monitoring/measures?year=2019',
    );
    expect(status).toBe(200);
    expect(body.initiatives).toMatchObject({ total: 2, international: 2, crossRegion: 2 });
    expect(body.centrality.map((c) => [c.city.slug, c.degree, c.betweenness])).toEqual([
      ['montreal', 2, 1],
      ['dakar', 1, 0],
      ['kanazawa', 1, 0],
    ]);
    const at = (a: string, b: string) =>
      body.regionMatrix.cells[body.regionMatrix.keys.indexOf(a)]?.[
        body.regionMatrix.keys.indexOf(b)
      ];
    expect(at('africa', 'europe-north-america')).toBe(1);
    expect(at('europe-north-america', 'asia-pacific')).toBe(1);
    expect(at('africa', 'asia-pacific')).toBe(0);
    const slugs = body.withoutPartner.map((c) => c.slug);
    expect(slugs).toContain('bologna');
    expect(slugs).not.toContain('montreal');
    expect(body.perYear).toEqual([
      { year: 2019, proposals: 0, initiatives: 2, international: 2, newPairs: 2 },
    ]);

    // A region filter keeps the collaborations that touch the region.
    const africa = await api<Measures>(
      'secretariat',
      'GET',
      '/api/monitoring/measures?year=2019&region=africa',
    );
    expect(africa.body.initiatives.total).toBe(1);
  });

  it('exports tables as CSV with a header row', async () => {
    const graph = await api<string>(
      'secretariat',
      'GET',
      '/api/monitoring/graph?year=2019&format=csv',
    );
    expect(graph.status).toBe(200);
    expect(graph.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = graph.body.trim().split('\r\n');
    expect(lines[0]).toBe('source,target,weight,proposals,initiatives,statuses');
    expect(lines).toHaveLength(3);
    expect(lines).toContain('dakar,montreal,1,0,1,active:1');
    const nodes = await api<string>(
      'secretariat',
      'GET',
      '/api/monitoring/graph?year=2019&format=csv&table=nodes',
    );
    expect(nodes.body.split('\r\n')[0]).toBe(
      'city,name,country,region,field,activity,collaborations,degree,betweenness',
    );
    expect(nodes.body).toContain('montreal,Montreal,CA,europe-north-america,design,0,2,2,1');

    const centrality = await api<string>(
      'secretariat',
      'GET',
      '/api/monitoring/measures?year=2019&format=csv&table=centrality',
    );
    expect(centrality.body.split('\r\n')[0]).toBe(
      'city,name,country,region,field,degree,betweenness,normalizedBetweenness',
    );
    const matrix = await api<string>(
      'secretariat',
      'GET',
      '/api/monitoring/measures?year=2019&format=csv&table=regionMatrix',
    );
    expect(matrix.body.split('\r\n')[0]).toMatch(/^,africa,arab-states,/);
    const activity = await api<string>('secretariat', 'GET', '/api/monitoring/activity?format=csv');
    expect(activity.body.split('\r\n')[0]).toBe('table,dimension,key,name,status,count');
  });

  it('counts activity per field, region, country and year', async () => {
    const { body, status } = await api<{
      activeCities: { total: number; groups: { dimension: string; key: string; count: number }[] };
      messagesByChannel: { channel: string }[];
      proposalsByStatus: unknown[];
    }>('secretariat', 'GET', '/api/monitoring/activity?from=2000-01-01');
    expect(status).toBe(200);
    expect(body.activeCities.total).toBeGreaterThanOrEqual(3);
    expect(body.activeCities.groups).toContainEqual(
      expect.objectContaining({ dimension: 'country', key: 'SN' }),
    );
    const none = await api<{ activeCities: { total: number } }>(
      'secretariat',
      'GET',
      '/api/monitoring/activity?from=2000-01-01&to=2000-02-01',
    );
    expect(none.body.activeCities.total).toBe(0);
  });

  it('schedules Membership Monitoring Reports and records them as received', async () => {
    const designated2021 = await server.services.db
      .select({ slug: schema.cities.slug })
      .from(schema.cities)
      .where(eq(schema.cities.designationYear, 2021));
    expect(designated2021.length).toBeGreaterThan(0);

    // As of 1 July 2025 the cities designated in 2021 owe their first report by 31 December.
    const due = await api<{ cities: ReportStatus[] }>(
      'secretariat',
      'GET',
      '/api/monitoring/reports/due?asOf=2025-07-01',
    );
    expect(due.body.cities.map((c) => c.city.slug).sort()).toEqual(
      designated2021.map((c) => c.slug).sort(),
    );
    expect(due.body.cities[0]?.schedule).toMatchObject({
      nextCycle: 2025,
      nextDueDate: '2025-12-31',
      overdue: false,
    });

    const overdue = await api<{ cities: ReportStatus[] }>(
      'secretariat',
      'GET',
      '/api/monitoring/reports?status=overdue&asOf=2026-11-28',
    );
    const edinburgh = overdue.body.cities.find((c) => c.city.slug === 'edinburgh');
    expect(edinburgh?.schedule).toMatchObject({ nextCycle: 2008, missedCycles: 5 });

    const city = designated2021[0]?.slug as string;
    const wrongCycle = await api('secretariat', 'POST', '/api/monitoring/reports', {
      city,
      receivedOn: '2025-11-15',
      cycleYear: 2024,
    });
    expect(wrongCycle.status).toBe(400);
    const recorded = await api<{ cycleYear: number; status: ReportStatus }>(
      'secretariat',
      'POST',
      '/api/monitoring/reports',
      { city, receivedOn: '2025-11-15', link: 'https://example.org/report.pdf', note: 'On time' },
    );
    expect(recorded.status).toBe(201);
    expect(recorded.body.cycleYear).toBe(2025);
    expect(recorded.body.status.schedule).toMatchObject({ nextCycle: 2029, overdue: false });
    const dueAfter = await api<{ cities: ReportStatus[] }>(
      'secretariat',
      'GET',
      '/api/monitoring/reports/due?asOf=2025-07-01',
    );
    expect(dueAfter.body.cities.map((c) => c.city.slug)).not.toContain(city);

    const csv = await api<string>(
      'secretariat',
      'GET',
      '/api/monitoring/reports/due?asOf=2025-07-01&format=csv',
    );
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]?.startsWith('city,name,country,region,field,designationYear')).toBe(true);
    expect(lines).toHaveLength(designated2021.length); // header + all but the one recorded
  });
});
