// Joint project proposals through the real server: who may invite, answer, edit, submit and
// decide; refused requests change nothing; the document's access follows the status; the cities
// involved are notified; full-text search finds words typed in the document, in English and French.

import { schema } from '@uccn/db';
import { availableDrivers } from '@uccn/db/testing';
import { CloseCode } from '@uccn/protocol';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openProvider, waitFor, whenSynced } from './support/collab-clients';
import { TestClient } from './support/http-client';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './support/test-server';

const drivers = await availableDrivers();

const ACCOUNTS = ['bologna', 'kanazawa', 'dakar', 'montreal', 'secretariat'] as const;
type Account = (typeof ACCOUNTS)[number] | 'bolognaMember' | 'kanazawaMember';

interface Proposal {
  id: string;
  status: string;
  documentId: string;
  title: string;
  summary: string;
  leadCity: { slug: string };
  partners: { city: { slug: string }; status: string }[];
  fields: { slug: string }[];
  sdgs: { number: number }[];
  sdgTargets: { code: string }[];
  themes: { slug: string }[];
  international: boolean;
  crossField: boolean;
  decisionNote: string | null;
  actions: { transitions: string[]; invite: boolean; answer: boolean; editDetails: boolean };
}
type ErrorBody = { error: { code: string } };

describe.each(drivers)('proposals on %s', (driver) => {
  let server: TestServer;
  const clients = {} as Record<Account, TestClient>;
  const cityIds = new Map<string, number>();

  const api = <T = { proposal: Proposal }>(
    account: Account,
    method: string,
    path: string,
    json?: unknown,
  ) =>
    clients[account].request<T & ErrorBody>(method, path, {
      json,
      headers: { origin: server.url },
    });
  const proposalOf = async (account: Account, id: string) =>
    (await api<{ proposal: Proposal }>(account, 'GET', `/api/proposals/${id}`)).body.proposal;
  const accessRows = async (documentId: string) => {
    const rows = await server.services.db
      .select({ cityId: schema.documentAccess.cityId, access: schema.documentAccess.access })
      .from(schema.documentAccess)
      .where(eq(schema.documentAccess.documentId, documentId));
    const slugs = new Map([...cityIds].map(([slug, id]) => [id, slug]));
    return Object.fromEntries(rows.map((row) => [slugs.get(row.cityId), row.access]));
  };
  const documentAccess = async (account: Account, documentId: string) =>
    (await api<{ document: { access: string } }>(account, 'GET', `/api/documents/${documentId}`))
      .body.document?.access;
  const notificationsOf = async (account: Account) =>
    (
      await api<{ notifications: { kind: string; url: string; title: string }[] }>(
        account,
        'GET',
        '/api/notifications',
      )
    ).body.notifications;

  beforeAll(async () => {
    server = await startTestServer(driver, {
      SIGN_IN_RATE_LIMIT: '1000',
      COLLAB_ACCESS_RECHECK_MS: '200',
      PROPOSAL_TEXT_INDEX_MS: '200',
    });
    const rows = await server.services.db
      .select({ id: schema.cities.id, slug: schema.cities.slug })
      .from(schema.cities)
      .where(inArray(schema.cities.slug, ['bologna', 'kanazawa', 'dakar', 'montreal']));
    for (const row of rows) cityIds.set(row.slug, row.id);
    for (const [account, city] of [
      ['bolognaMember', 'bologna'],
      ['kanazawaMember', 'kanazawa'],
    ] as const) {
      await server.services.accounts.create({
        email: `${account}@example.org`,
        name: `${city} member`,
        password: DEMO_PASSWORD,
        role: 'member',
        cityId: cityIds.get(city) ?? null,
      });
    }
    for (const account of [...ACCOUNTS, 'bolognaMember', 'kanazawaMember'] as const) {
      clients[account] = new TestClient(server.url);
      const email = account.endsWith('Member') ? `${account}@example.org` : `${account}@uccn.test`;
      const signedIn = await clients[account].request('POST', '/api/auth/sign-in/email', {
        json: { email, password: DEMO_PASSWORD },
        headers: { origin: server.url },
      });
      expect(signedIn.status).toBe(200);
    }
  }, 60_000);
  afterAll(() => server?.stop());

  it('lists the 17 SDGs with their targets and the themes', async () => {
    const sdgs = await api<{ sdgs: { number: number; targets: { code: string }[] }[] }>(
      'dakar',
      'GET',
      '/api/sdgs',
    );
    expect(sdgs.body.sdgs).toHaveLength(17);
    expect(sdgs.body.sdgs.flatMap((goal) => goal.targets)).toHaveLength(169);
    expect(sdgs.body.sdgs[10]?.targets.map((t) => t.code)).toContain('11.4');
    const themes = await api<{ themes: { slug: string }[] }>('dakar', 'GET', '/api/themes');
    expect(themes.body.themes.map((t) => t.slug)).toEqual([
      'education',
      'sciences-and-technology',
      'social-inclusion',
      'assistance-to-professionals-and-artists',
      'disadvantaged-groups',
    ]);
  });

  it('runs a proposal from draft to supported, with every rule on the way', async () => {
    // The Secretariat reviews; it leads nothing.
    const bySecretariat = await api('secretariat', 'POST', '/api/proposals', { title: 'No' });
    expect(bySecretariat.status).toBe(403);
    expect(
      (await api('bolognaMember', 'POST', '/api/proposals', { title: 'X', sdgTargets: ['99.1'] }))
        .body.error.code,
    ).toBe('validation_failed');

    const created = await api<{ proposal: Proposal }>('bolognaMember', 'POST', '/api/proposals', {
      title: 'Music and crafts for heritage',
      summary: 'Two cities share their living heritage.',
      sdgs: [11],
      sdgTargets: ['11.4', '4.7'],
      themes: ['education'],
      budget: { amount: 120000, currency: 'EUR' },
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      milestones: [{ label: 'Kick-off', date: '2026-01-15' }],
      partners: ['kanazawa'],
    });
    expect(created.status).toBe(201);
    const proposal = created.body.proposal;
    const { id, documentId } = proposal;
    expect(proposal).toMatchObject({
      status: 'draft',
      leadCity: { slug: 'bologna' },
      partners: [{ city: { slug: 'kanazawa' }, status: 'invited' }],
      fields: [{ slug: 'music' }],
      sdgs: [{ number: 4 }, { number: 11 }],
      sdgTargets: [{ code: '4.7' }, { code: '11.4' }],
      themes: [{ slug: 'education' }],
      international: false,
      actions: { transitions: ['submitted', 'withdrawn'], invite: true },
    });
    // The body starts from the template's sections.
    const body = new Y.Doc();
    Y.applyUpdate(body, await server.services.collab.state(documentId));
    expect(body.getXmlFragment('default').toString()).toContain(
      '<heading level="2">Partners and their roles</heading><paragraph></paragraph>',
    );
    expect(await accessRows(documentId)).toEqual({ kanazawa: 'read' });
    expect(await notificationsOf('kanazawa')).toContainEqual(
      expect.objectContaining({ kind: 'proposal_invitation', url: `/proposals/${id}` }),
    );
    // A draft is not shown to cities outside it.
    expect((await api('dakar', 'GET', `/api/proposals/${id}`)).body.error.code).toBe(
      'proposal_not_found',
    );
    const dakarList = await api<{ proposals: Proposal[] }>('dakar', 'GET', '/api/proposals');
    expect(dakarList.body.proposals.map((p) => p.id)).not.toContain(id);

    // Only the lead city's people invite; an invited city answers through its focal point.
    const byInvited = await api('kanazawa', 'POST', `/api/proposals/${id}/partners`, {
      city: 'dakar',
    });
    expect(byInvited.body.error.code).toBe('forbidden');
    expect((await proposalOf('secretariat', id)).partners).toHaveLength(1);
    expect(
      (await api('bologna', 'POST', `/api/proposals/${id}/partners`, { city: 'dakar' })).status,
    ).toBe(200);
    const again = await api('bolognaMember', 'POST', `/api/proposals/${id}/partners`, {
      city: 'dakar',
    });
    expect(again.body.error.code).toBe('partner_state');
    for (const account of ['kanazawaMember', 'bologna'] as const) {
      const refused = await api(account, 'POST', `/api/proposals/${id}/partners/kanazawa/accept`);
      expect(refused.body.error.code).toBe('forbidden');
    }
    expect((await proposalOf('kanazawa', id)).actions.answer).toBe(true);
    const accepted = await api<{ proposal: Proposal }>(
      'kanazawa',
      'POST',
      `/api/proposals/${id}/partners/kanazawa/accept`,
    );
    expect(accepted.body.proposal).toMatchObject({ international: true, crossField: true });
    const declined = await api<{ proposal: Proposal | null }>(
      'dakar',
      'POST',
      `/api/proposals/${id}/partners/dakar/decline`,
    );
    expect(declined.body.proposal).toBeNull();
    expect(await accessRows(documentId)).toEqual({ kanazawa: 'write' });
    expect(await documentAccess('kanazawaMember', documentId)).toBe('write');
    expect((await api('dakar', 'GET', `/api/proposals/${id}`)).status).toBe(404);

    // Accepted partners edit; the documents API cannot bypass the proposal.
    const edited = await api('kanazawaMember', 'PATCH', `/api/proposals/${id}`, {
      summary: 'Music and lacquer crafts, shared.',
      themes: ['education', 'social-inclusion'],
    });
    expect(edited.status).toBe(200);
    expect((await api('montreal', 'PATCH', `/api/proposals/${id}`, { summary: 'x' })).status).toBe(
      404,
    );
    const bypass = await api('bologna', 'PUT', `/api/documents/${documentId}/access`, {
      cities: [{ slug: 'montreal', access: 'write' }],
    });
    expect(bypass.body.error.code).toBe('managed_by_proposal');

    // Submitting: the lead's people only; wrong steps are refused and change nothing.
    const byPartner = await api('kanazawa', 'POST', `/api/proposals/${id}/transitions`, {
      to: 'submitted',
    });
    expect(byPartner.body.error.code).toBe('forbidden');
    const skip = await api('secretariat', 'POST', `/api/proposals/${id}/transitions`, {
      to: 'under_review',
    });
    expect(skip.status).toBe(409);
    expect(skip.body.error.code).toBe('invalid_transition');
    expect((await proposalOf('secretariat', id)).status).toBe('draft');
    expect(
      (await api('bolognaMember', 'POST', `/api/proposals/${id}/transitions`, { to: 'submitted' }))
        .body.proposal.status,
    ).toBe('submitted');
    const versions = await api<{ versions: { kind: string; label: string }[] }>(
      'bologna',
      'GET',
      `/api/documents/${documentId}/versions`,
    );
    expect(versions.body.versions[0]).toMatchObject({ kind: 'named' });
    expect(versions.body.versions[0]?.label).toMatch(/^Submitted/);
    // Read-only for every city now, the lead included; the details are frozen too.
    expect(await accessRows(documentId)).toEqual({ kanazawa: 'read' });
    expect(await documentAccess('bologna', documentId)).toBe('read');
    expect(await documentAccess('kanazawaMember', documentId)).toBe('read');
    const frozen = await api('bolognaMember', 'PATCH', `/api/proposals/${id}`, { title: 'Late' });
    expect(frozen.body.error.code).toBe('proposal_not_editable');
    expect((await proposalOf('bologna', id)).title).toBe('Music and crafts for heritage');

    // The Secretariat reviews and decides, with a note.
    const move = (account: Account, to: string, note?: string) =>
      api(account, 'POST', `/api/proposals/${id}/transitions`, { to, note });
    expect((await move('bologna', 'under_review')).body.error.code).toBe('forbidden');
    expect((await move('secretariat', 'under_review')).status).toBe(200);
    const noNote = await move('secretariat', 'supported');
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.code).toBe('note_required');
    expect((await proposalOf('secretariat', id)).status).toBe('under_review');
    const returned = await move('secretariat', 'returned', 'Please detail the budget.');
    expect(returned.body.proposal).toMatchObject({
      status: 'returned',
      decisionNote: 'Please detail the budget.',
    });
    expect(await accessRows(documentId)).toEqual({ kanazawa: 'write' });
    expect(await documentAccess('bologna', documentId)).toBe('write');
    expect(await notificationsOf('kanazawaMember')).toContainEqual(
      expect.objectContaining({
        kind: 'proposal_status',
        url: `/proposals/${id}`,
        title: 'The proposal "Music and crafts for heritage" is returned for changes',
      }),
    );
    expect((await move('bologna', 'submitted')).status).toBe(200);
    expect(await notificationsOf('secretariat')).toContainEqual(
      expect.objectContaining({ kind: 'proposal_status', url: `/proposals/${id}` }),
    );
    expect((await move('secretariat', 'under_review')).status).toBe(200);
    expect((await move('secretariat', 'supported', 'A model of cooperation.')).status).toBe(200);

    // Supported: every member city sees it, without the Secretariat's note.
    const seen = await api<{ proposals: Proposal[] }>('montreal', 'GET', '/api/proposals');
    expect(seen.body.proposals.find((p) => p.id === id)).toMatchObject({
      status: 'supported',
      decisionNote: null,
    });
    expect((await move('montreal', 'in_progress')).body.error.code).toBe('forbidden');
    expect((await move('bolognaMember', 'in_progress')).status).toBe(200);

    const history = await api<{ history: { from: string | null; to: string; note: string }[] }>(
      'kanazawa',
      'GET',
      `/api/proposals/${id}/history`,
    );
    expect(history.body.history.map((entry) => entry.to)).toEqual([
      'draft',
      'submitted',
      'under_review',
      'returned',
      'submitted',
      'under_review',
      'supported',
      'in_progress',
    ]);
    const logged = await server.services.db
      .select({ action: schema.activityLog.action })
      .from(schema.activityLog)
      .where(
        and(eq(schema.activityLog.subjectType, 'proposal'), eq(schema.activityLog.subjectId, id)),
      );
    expect(logged.filter((entry) => entry.action === 'proposal.status_changed')).toHaveLength(7);
    expect(logged.map((entry) => entry.action)).toContain('proposal.partner_declined');
  });

  it('hands the lead over to an accepted partner, who may then be left by the old lead', async () => {
    const { id, documentId } = (
      await api<{ proposal: Proposal }>('bologna', 'POST', '/api/proposals', {
        title: 'Festival exchange',
        partners: ['kanazawa'],
      })
    ).body.proposal;
    expect(
      (await api('bologna', 'POST', `/api/proposals/${id}/lead`, { city: 'kanazawa' })).body.error
        .code,
    ).toBe('partner_state');
    await api('kanazawa', 'POST', `/api/proposals/${id}/partners/kanazawa/accept`);
    const byMember = await api('bolognaMember', 'POST', `/api/proposals/${id}/lead`, {
      city: 'kanazawa',
    });
    expect(byMember.body.error.code).toBe('forbidden');
    const handed = await api('bologna', 'POST', `/api/proposals/${id}/lead`, { city: 'kanazawa' });
    expect(handed.body.proposal).toMatchObject({
      leadCity: { slug: 'kanazawa' },
      partners: [{ city: { slug: 'bologna' }, status: 'accepted' }],
    });
    const document = await api<{ document: { ownerCity: { slug: string } } }>(
      'kanazawa',
      'GET',
      `/api/documents/${documentId}`,
    );
    expect(document.body.document.ownerCity.slug).toBe('kanazawa');
    expect(await accessRows(documentId)).toEqual({ bologna: 'write' });
    const left = await api('bologna', 'POST', `/api/proposals/${id}/partners/bologna/leave`);
    expect(left.status).toBe(200);
    expect(await accessRows(documentId)).toEqual({});
    expect((await api('bolognaMember', 'GET', `/api/proposals/${id}`)).status).toBe(404);
    expect(
      (await api('bologna', 'POST', `/api/proposals/${id}/partners/bologna/leave`)).status,
    ).toBe(404);
  });

  it("closes a partner's open editor on submit; it comes back read-only", async () => {
    const { id, documentId } = (
      await api('bologna', 'POST', '/api/proposals', { title: 'Live lock', partners: ['kanazawa'] })
    ).body.proposal;
    await api('kanazawa', 'POST', `/api/proposals/${id}/partners/kanazawa/accept`);
    const { doc, provider } = openProvider(server.url, documentId, {
      cookie: clients.kanazawaMember.cookieHeader,
    });
    const closes: number[] = [];
    provider.on('connection-close', (event) => {
      if (event) closes.push(event.code);
    });
    await whenSynced(provider);
    const typed = (text: string) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      doc.getXmlFragment('default').push([paragraph]);
    };
    const stored = async () => {
      const state = new Y.Doc();
      Y.applyUpdate(state, await server.services.collab.state(documentId));
      return state.getXmlFragment('default').toString();
    };
    typed('Before submitting.');
    await waitFor(async () => (await stored()).includes('Before submitting.'), 5000, 'the edit');
    expect(
      (await api('bologna', 'POST', `/api/proposals/${id}/transitions`, { to: 'submitted' }))
        .status,
    ).toBe(200);
    await waitFor(() => closes.includes(CloseCode.AccessChanged), 5000, 'the access close');
    // The stock provider treats 44xx as final; the web app reconnects, as this does.
    provider.connect();
    await whenSynced(provider);
    typed('After submitting.');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await stored()).not.toContain('After submitting.');
    provider.destroy();
  });

  it('finds a word typed in the document, in English and in French', async () => {
    const { id, documentId } = (
      await api<{ proposal: Proposal }>('kanazawa', 'POST', '/api/proposals', {
        title: 'Crafts residencies',
        sdgs: [11],
        themes: ['assistance-to-professionals-and-artists'],
      })
    ).body.proposal;
    const { doc, provider } = openProvider(server.url, documentId, {
      cookie: clients.kanazawa.cookieHeader,
    });
    await whenSynced(provider);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [
      new Y.XmlText('Lacquerware workshops. Les artisans partagent leurs techniques anciennes.'),
    ]);
    doc.getXmlFragment('default').push([paragraph]);
    const search = async (q: string, extra = '') =>
      (
        await api<{ proposals: Proposal[] }>(
          'kanazawa',
          'GET',
          `/api/proposals?q=${encodeURIComponent(q)}${extra}`,
        )
      ).body.proposals.map((p) => p.id);
    await waitFor(async () => (await search('workshop')).includes(id), 10_000, 'indexing');
    provider.destroy();
    expect(await search('technique ancienne')).toContain(id); // French stems
    expect(await search('residency')).toContain(id); // the title, English stem
    expect(
      await search('workshop', '&sdg=11&theme=assistance-to-professionals-and-artists'),
    ).toEqual([id]);
    expect(await search('workshop', '&status=submitted')).toEqual([]);
    expect(await search('porcelain')).toEqual([]);
    // The Secretariat finds it too; a city outside it does not, while it is a draft.
    expect(
      (
        await api<{ proposals: Proposal[] }>('secretariat', 'GET', '/api/proposals?q=workshops')
      ).body.proposals.map((p) => p.id),
    ).toContain(id);
    expect(
      (await api<{ proposals: Proposal[] }>('dakar', 'GET', '/api/proposals?q=workshops')).body
        .proposals,
    ).toEqual([]);
  });
});
