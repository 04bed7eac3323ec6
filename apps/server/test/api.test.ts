// The foundation's HTTP API against the real server, on PGlite and on the real Postgres.

import { schema } from '@uccn/db';
import { availableDrivers } from '@uccn/db/testing';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './support/http-client';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './support/test-server';

interface ErrorBody {
  error: { code: string; message: string };
}
interface CityBody {
  slug: string;
  name: string;
  region: string;
  field: string;
  iso2: string;
}

const drivers = await availableDrivers();

describe.each(drivers)('HTTP API on %s', (driver) => {
  let server: TestServer;
  let anonymous: TestClient;

  beforeAll(async () => {
    server = await startTestServer(driver, { SIGN_IN_RATE_LIMIT: '1000' });
    anonymous = new TestClient(server.url);
  });
  afterAll(() => server?.stop());

  it('answers health and readiness', async () => {
    expect((await anonymous.get('/healthz')).status).toBe(200);
    const ready = await anonymous.get<{ status: string; checks: Record<string, { ok: boolean }> }>(
      '/readyz',
    );
    expect(ready.status).toBe(200);
    expect(ready.body.checks.database?.ok).toBe(true);
  });

  it('lists the 350 member cities with their regions, publicly', async () => {
    const { status, body } = await anonymous.get<{ cities: CityBody[] }>('/api/cities');
    expect(status).toBe(200);
    expect(body.cities).toHaveLength(350);
    expect(body.cities.every((city) => city.region && city.field && city.iso2.length === 2)).toBe(
      true,
    );
    const kanazawa = body.cities.find((city) => city.slug === 'kanazawa');
    expect(kanazawa).toMatchObject({
      name: 'Kanazawa',
      iso2: 'JP',
      region: 'Asia and the Pacific',
    });
  });

  it('filters cities by field, region, country and name', async () => {
    const gastronomy = await anonymous.get<{ cities: CityBody[] }>('/api/cities?field=gastronomy');
    expect(gastronomy.body.cities).toHaveLength(56);
    const africa = await anonymous.get<{ cities: CityBody[] }>('/api/cities?region=africa');
    expect(africa.body.cities).toHaveLength(20);
    const byName = await anonymous.get<{ cities: CityBody[] }>('/api/cities?region=Arab%20States');
    expect(byName.body.cities).toHaveLength(21);
    const japan = await anonymous.get<{ cities: CityBody[] }>('/api/cities?country=jp');
    expect(japan.body.cities.map((city) => city.slug)).toContain('kanazawa');
    // Accents do not matter when searching.
    const popayan = await anonymous.get<{ cities: CityBody[] }>('/api/cities?q=popayan');
    expect(popayan.body.cities.map((city) => city.slug)).toEqual(['popayan']);
  });

  it('rejects an unknown filter value with a stable code', async () => {
    const response = await anonymous.get<ErrorBody>('/api/cities?field=astrology');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
  });

  it('shows one city, and 404 for a slug that does not exist', async () => {
    const found = await anonymous.get<{ city: CityBody; members: unknown }>('/api/cities/bologna');
    expect(found.status).toBe(200);
    expect(found.body.city.field).toBe('Music');
    expect(found.body.members).toBeNull();
    const missing = await anonymous.get<ErrorBody>('/api/cities/atlantis');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('city_not_found');
  });

  it('serves reference data for filters', async () => {
    const fields = await anonymous.get<{ fields: { slug: string; nameFr: string }[] }>(
      '/api/fields',
    );
    expect(fields.body.fields.map((field) => field.slug)).toHaveLength(7);
    const regions = await anonymous.get<{ regions: unknown[] }>('/api/regions');
    expect(regions.body.regions).toHaveLength(5);
    const countries = await anonymous.get<{ countries: unknown[] }>('/api/countries');
    expect(countries.body.countries).toHaveLength(105);
  });

  it('signs a demo focal point in and out', async () => {
    const client = new TestClient(server.url);
    expect((await client.get<ErrorBody>('/api/me')).body.error.code).toBe('unauthorized');
    const signIn = await client.signIn('kanazawa@uccn.test', DEMO_PASSWORD);
    expect(signIn.status).toBe(200);
    expect(signIn.headers.getSetCookie().join(';')).toMatch(/HttpOnly/i);
    const me = await client.get<{ user: { role: string }; city: CityBody }>('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.role).toBe('focal_point');
    expect(me.body.city.slug).toBe('kanazawa');
    expect((await client.post('/api/auth/sign-out')).status).toBe(200);
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('refuses a wrong password with a stable code and records sign-ins', async () => {
    const client = new TestClient(server.url);
    const wrong = await client.signIn('dakar@uccn.test', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect((wrong.body as ErrorBody).error.code).toBe('invalid_credentials');
    await client.signIn('dakar@uccn.test', DEMO_PASSWORD);
    const [row] = await server.services.db
      .select({ n: count() })
      .from(schema.activityLog)
      .where(eq(schema.activityLog.action, 'user.signed_in'));
    expect(row?.n).toBeGreaterThan(0);
  });

  it('knows the Secretariat has no city', async () => {
    const client = new TestClient(server.url);
    await client.signIn('secretariat@uccn.test', DEMO_PASSWORD);
    const me = await client.get<{ user: { role: string }; city: null }>('/api/me');
    expect(me.body).toMatchObject({ user: { role: 'secretariat' }, city: null });
  });

  it('describes itself as OpenAPI', async () => {
    const { status, body } = await anonymous.get<{ paths: Record<string, unknown> }>(
      '/api/openapi.json',
    );
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/cities', '/api/me']));
  });

  it('serves an API docs page with its assets, without any CDN', async () => {
    const page = await anonymous.get<string>('/api/docs');
    expect(page.status).toBe(200);
    expect(page.body).toContain('/api/docs/swagger-ui-bundle.js');
    const script = await fetch(`${server.url}/api/docs/swagger-ui-bundle.js`);
    expect(script.status).toBe(200);
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const response = await anonymous.get<ErrorBody>('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
  });
});
