// Initiatives and official support through the real server: who may share and edit, support only
// with an inter-city or international dimension and a note, withdrawal, notifications, the
// activity log, and the public showcase (no sign-in) that shows only what is supported.

import { schema } from '@uccn/db';
import { availableDrivers } from '@uccn/db/testing';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './support/http-client';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './support/test-server';

const drivers = await availableDrivers();

const ACCOUNTS = ['bologna', 'kanazawa', 'dakar', 'secretariat', 'bolognaMember'] as const;
type Account = (typeof ACCOUNTS)[number];

interface Initiative {
  id: string;
  title: string;
  support: string;
  interCity: boolean;
  international: boolean;
  decisionNote: string | null;
  demo: boolean;
  partners: { slug: string }[];
  leadCity: { slug: string; region: { nameFr: string }; lat: number | null };
  actions: { edit: boolean; support: boolean; withdraw: boolean };
}
interface Showcase {
  initiatives: { id: string; title: string; demo: boolean }[];
  proposals: { id: string; publicSummary: string }[];
  fields: { slug: string; nameFr: string }[];
  regions: { slug: string; nameFr: string }[];
}
type ErrorBody = { error: { code: string } };

describe.each(drivers)('initiatives on %s', (driver) => {
  let server: TestServer;
  const clients = {} as Record<Account, TestClient>;

  const api = <T = { initiative: Initiative }>(
    account: Account,
    method: string,
    path: string,
    json?: unknown,
  ) =>
    clients[account].request<T & ErrorBody>(method, path, {
      json,
      headers: { origin: server.url },
    });
  const showcase = async () =>
    (await new TestClient(server.url).request<Showcase>('GET', '/api/public/showcase')).body;

  beforeAll(async () => {
    server = await startTestServer(driver, { SIGN_IN_RATE_LIMIT: '1000' });
    const [bologna] = await server.services.db
      .select({ id: schema.cities.id })
      .from(schema.cities)
      .where(eq(schema.cities.slug, 'bologna'));
    await server.services.accounts.create({
      email: 'bolognaMember@example.org',
      name: 'Bologna member',
      password: DEMO_PASSWORD,
      role: 'member',
      cityId: bologna?.id ?? null,
    });
    for (const account of ACCOUNTS) {
      clients[account] = new TestClient(server.url);
      const email = account === 'bolognaMember' ? `${account}@example.org` : `${account}@uccn.test`;
      const signedIn = await clients[account].request('POST', '/api/auth/sign-in/email', {
        json: { email, password: DEMO_PASSWORD },
        headers: { origin: server.url },
      });
      expect(signedIn.status).toBe(200);
    }
  }, 60_000);
  afterAll(() => server?.stop());

  it('seeds the demo initiatives once, marked as demo, some supported', async () => {
    const list = await api<{ initiatives: Initiative[] }>('dakar', 'GET', '/api/initiatives');
    expect(list.status).toBe(200);
    const demo = list.body.initiatives.filter((i) => i.demo);
    expect(demo.length).toBeGreaterThanOrEqual(8);
    expect(demo.every((i) => i.title.startsWith('[Demo]'))).toBe(true);
    expect(demo.some((i) => i.support === 'supported')).toBe(true);
    const { seedDemoInitiatives } = await import('../src/startup/demo-initiatives');
    expect(await seedDemoInitiatives(server.services.db)).toBe(0);
  });

  it('lets people of a city share and edit, and refuses everyone else', async () => {
    expect((await api('secretariat', 'POST', '/api/initiatives', { title: 'No' })).status).toBe(
      403,
    );
    const unsafe = await api('bolognaMember', 'POST', '/api/initiatives', {
      title: 'Bad link',
      links: [{ label: 'x', url: 'javascript:alert(1)' }],
    });
    expect(unsafe.status).toBe(400);
    expect(unsafe.body.error.code).toBe('validation_failed');

    const created = await api('bolognaMember', 'POST', '/api/initiatives', {
      title: 'Open rehearsals',
      description: 'Rehearsals open to schools.',
      themes: ['education'],
      links: [{ label: 'Site', url: 'https://example.org/rehearsals' }],
      startDate: '2026-01-10',
    });
    expect(created.status).toBe(201);
    const initiative = created.body.initiative;
    expect(initiative).toMatchObject({
      support: 'none',
      interCity: false,
      international: false,
      leadCity: { slug: 'bologna' },
      actions: { edit: true, support: false, withdraw: false },
    });
    const id = initiative.id;
    expect(
      (await api('kanazawa', 'PATCH', `/api/initiatives/${id}`, { title: 'Mine' })).status,
    ).toBe(403);
    expect(
      (await api('secretariat', 'PATCH', `/api/initiatives/${id}`, { title: 'Mine' })).status,
    ).toBe(403);
    const renamed = await api('bologna', 'PATCH', `/api/initiatives/${id}`, {
      title: 'Open rehearsals for schools',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.initiative.title).toBe('Open rehearsals for schools');
    expect(
      (await api('bolognaMember', 'PATCH', `/api/initiatives/${id}`, { endDate: '2025-01-01' }))
        .body.error.code,
    ).toBe('validation_failed');
  });

  it('grants support only with a dimension and a note, notifies, logs, and withdraws', async () => {
    const created = await api('bolognaMember', 'POST', '/api/initiatives', {
      title: 'Shared scores',
      description: 'Scores shared between music schools.',
    });
    const id = created.body.initiative.id;
    const support = (account: Account, body: unknown) =>
      api(account, 'POST', `/api/initiatives/${id}/support`, body);

    const alone = await support('secretariat', { decision: 'supported', note: 'Good' });
    expect(alone.status).toBe(409);
    expect(alone.body.error.code).toBe('no_cooperation_dimension');

    const withPartner = await api('bolognaMember', 'PATCH', `/api/initiatives/${id}`, {
      partners: ['kanazawa'],
    });
    expect(withPartner.body.initiative).toMatchObject({ interCity: true, international: true });

    expect((await support('bologna', { decision: 'supported', note: 'Self' })).status).toBe(403);
    expect((await support('secretariat', { decision: 'supported' })).body.error.code).toBe(
      'note_required',
    );
    expect(
      (await support('secretariat', { decision: 'withdrawn', note: 'Not yet' })).body.error.code,
    ).toBe('invalid_transition');

    const granted = await support('secretariat', {
      decision: 'supported',
      note: 'Two regions cooperating.',
    });
    expect(granted.status).toBe(200);
    expect(granted.body.initiative).toMatchObject({
      support: 'supported',
      decisionNote: 'Two regions cooperating.',
      actions: { support: false, withdraw: true },
    });
    // The partner sees the note; a city outside does not.
    const byPartner = await api<{ initiative: Initiative }>(
      'kanazawa',
      'GET',
      `/api/initiatives/${id}`,
    );
    expect(byPartner.body.initiative.decisionNote).toBe('Two regions cooperating.');
    const byOther = await api<{ initiative: Initiative }>('dakar', 'GET', `/api/initiatives/${id}`);
    expect(byOther.body.initiative.decisionNote).toBeNull();

    for (const account of ['bolognaMember', 'bologna', 'kanazawa'] as const) {
      const { body } = await api<{ notifications: { kind: string; url: string }[] }>(
        account,
        'GET',
        '/api/notifications',
      );
      expect(body.notifications).toContainEqual(
        expect.objectContaining({ kind: 'initiative_decision', url: `/initiatives/${id}` }),
      );
    }
    const dakarNotes = await api<{ notifications: { url: string }[] }>(
      'dakar',
      'GET',
      '/api/notifications',
    );
    expect(dakarNotes.body.notifications.some((n) => n.url === `/initiatives/${id}`)).toBe(false);

    // A supported initiative keeps its dimension.
    const dropped = await api('bolognaMember', 'PATCH', `/api/initiatives/${id}`, { partners: [] });
    expect(dropped.body.error.code).toBe('no_cooperation_dimension');

    const filtered = await api<{ initiatives: Initiative[] }>(
      'dakar',
      'GET',
      '/api/initiatives?support=supported&city=kanazawa&limit=50',
    );
    expect(filtered.body.initiatives.map((i) => i.id)).toContain(id);
    const byRegion = await api<{ initiatives: Initiative[] }>(
      'dakar',
      'GET',
      '/api/initiatives?region=africa',
    );
    expect(byRegion.body.initiatives.map((i) => i.id)).not.toContain(id);

    expect((await showcase()).initiatives.map((i) => i.id)).toContain(id);

    expect((await support('secretariat', { decision: 'withdrawn', note: ' ' })).status).toBe(400);
    const withdrawn = await support('secretariat', {
      decision: 'withdrawn',
      note: 'The partnership ended.',
    });
    expect(withdrawn.body.initiative.support).toBe('withdrawn');
    expect((await showcase()).initiatives.map((i) => i.id)).not.toContain(id);

    const one = await api<{ supportHistory: { from: string; to: string; note: string }[] }>(
      'dakar',
      'GET',
      `/api/initiatives/${id}`,
    );
    expect(one.body.supportHistory.map((h) => [h.from, h.to])).toEqual([
      ['none', 'supported'],
      ['supported', 'withdrawn'],
    ]);
    const logged = await server.services.db
      .select({ action: schema.activityLog.action })
      .from(schema.activityLog)
      .where(
        and(eq(schema.activityLog.subjectType, 'initiative'), eq(schema.activityLog.subjectId, id)),
      );
    expect(logged.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        'initiative.created',
        'initiative.support_supported',
        'initiative.support_withdrawn',
      ]),
    );
  });

  it('shows the public only supported initiatives and published proposal summaries', async () => {
    const anonymous = await new TestClient(server.url).request<Showcase & ErrorBody>(
      'GET',
      '/api/public/showcase',
    );
    expect(anonymous.status).toBe(200);
    expect(JSON.stringify(anonymous.body)).not.toContain('decisionNote');
    expect(anonymous.body.regions.map((r) => r.nameFr)).toContain('Afrique');
    expect(anonymous.body.fields.length).toBeGreaterThanOrEqual(7);
    const supported = await server.services.db
      .select({ id: schema.initiatives.id })
      .from(schema.initiatives)
      .where(eq(schema.initiatives.support, 'supported'));
    expect(anonymous.body.initiatives.map((i) => i.id).sort()).toEqual(
      supported.map((row) => row.id).sort(),
    );

    // A proposal appears once supported and given a public summary; a draft never does.
    const created = await api<{ proposal: { id: string } }>('bologna', 'POST', '/api/proposals', {
      title: 'Public music and crafts',
      summary: 'Internal summary',
      partners: ['kanazawa'],
    });
    const proposalId = created.body.proposal.id;
    await api('kanazawa', 'POST', `/api/proposals/${proposalId}/partners/kanazawa/accept`);
    for (const [account, to, note] of [
      ['bologna', 'submitted', undefined],
      ['secretariat', 'under_review', undefined],
      ['secretariat', 'supported', 'Yes'],
    ] as const) {
      const moved = await api(account, 'POST', `/api/proposals/${proposalId}/transitions`, {
        to,
        note,
      });
      expect(moved.status).toBe(200);
    }
    expect((await showcase()).proposals.map((p) => p.id)).not.toContain(proposalId);
    await api('bologna', 'PATCH', `/api/proposals/${proposalId}`, {
      publicSummary: 'Musicians and artisans of Bologna and Kanazawa work together.',
    });
    const after = await showcase();
    expect(after.proposals).toContainEqual(
      expect.objectContaining({
        id: proposalId,
        publicSummary: 'Musicians and artisans of Bologna and Kanazawa work together.',
      }),
    );
    expect(JSON.stringify(after)).not.toContain('Internal summary');
    const drafts = await server.services.db
      .select({ id: schema.proposals.id })
      .from(schema.proposals)
      .where(inArray(schema.proposals.status, ['draft', 'submitted', 'under_review']));
    const shown = new Set(after.proposals.map((p) => p.id));
    expect(drafts.some((row) => shown.has(row.id))).toBe(false);
  });
});
