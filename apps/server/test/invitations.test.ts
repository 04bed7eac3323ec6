// Invitations: who may invite whom, the link, accepting it, and bad input that writes nothing.
import { schema } from '@uccn/db';
import { availableDrivers } from '@uccn/db/testing';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './support/http-client';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './support/test-server';

interface ErrorBody {
  error: { code: string };
}
interface Created {
  invitation: { id: string; email: string; citySlug: string };
  link: string;
}

const drivers = await availableDrivers();

describe.each(drivers)('invitations on %s', (driver) => {
  let server: TestServer;
  let bologna: TestClient;

  const invitationCount = async () => {
    const [row] = await server.services.db.select({ n: count() }).from(schema.invitations);
    return row?.n ?? 0;
  };

  beforeAll(async () => {
    server = await startTestServer(driver, { SIGN_IN_RATE_LIMIT: '1000' });
    bologna = new TestClient(server.url);
    await bologna.signIn('bologna@uccn.test', DEMO_PASSWORD);
  });
  afterAll(() => server?.stop());

  it('lets a focal point invite a member of their city, who accepts and is signed in', async () => {
    const created = await bologna.post<Created>('/api/invitations', {
      email: 'Giulia@Example.org',
      role: 'member',
      citySlug: 'bologna',
    });
    expect(created.status).toBe(201);
    expect(created.body.invitation.email).toBe('giulia@example.org');
    const token = created.body.link.split('/invite/')[1] ?? '';

    const guest = new TestClient(server.url);
    const shown = await guest.get<{ invitation: { city: { slug: string }; invitedBy: string } }>(
      `/api/invitations/${token}`,
    );
    expect(shown.status).toBe(200);
    expect(shown.body.invitation.city.slug).toBe('bologna');
    expect(shown.body.invitation.invitedBy).toBe('Bologna focal point');

    const accepted = await guest.post(`/api/invitations/${token}/accept`, {
      name: 'Giulia Rossi',
      password: 'a-long-password',
    });
    expect(accepted.status).toBe(201);
    const me = await guest.get<{ user: { name: string; role: string }; city: { slug: string } }>(
      '/api/me',
    );
    expect(me.body).toMatchObject({
      user: { name: 'Giulia Rossi', role: 'member' },
      city: { slug: 'bologna' },
    });

    const again = await new TestClient(server.url).post<ErrorBody>(
      `/api/invitations/${token}/accept`,
      {
        name: 'Someone Else',
        password: 'another-password',
      },
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invitation_used');

    const members = await bologna.get<{ members: { email: string }[] }>(
      '/api/cities/bologna/members',
    );
    expect(members.body.members.map((member) => member.email)).toContain('giulia@example.org');
  });

  it('refuses a focal point inviting into another city, and a member inviting at all', async () => {
    const before = await invitationCount();
    const elsewhere = await bologna.post<ErrorBody>('/api/invitations', {
      email: 'someone@example.org',
      role: 'member',
      citySlug: 'kanazawa',
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.code).toBe('forbidden');
    const secretariat = await bologna.post<ErrorBody>('/api/invitations', {
      email: 'boss@example.org',
      role: 'secretariat',
    });
    expect(secretariat.status).toBe(403);
    expect(await invitationCount()).toBe(before);
  });

  it('lets the Secretariat invite into any city, and lists pending invitations', async () => {
    const secretariat = new TestClient(server.url);
    await secretariat.signIn('secretariat@uccn.test', DEMO_PASSWORD);
    const created = await secretariat.post<Created>('/api/invitations', {
      email: 'focal@dakar.example',
      role: 'focal_point',
      citySlug: 'dakar',
    });
    expect(created.status).toBe(201);
    const pending = await secretariat.get<{ invitations: { email: string }[] }>('/api/invitations');
    expect(pending.body.invitations.map((invitation) => invitation.email)).toContain(
      'focal@dakar.example',
    );
  });

  it('answers bad input with stable codes and writes nothing', async () => {
    const before = await invitationCount();
    const cases: [string, { body?: string; json?: unknown }, number, string][] = [
      ['malformed JSON', { body: '{"email": ' }, 400, 'invalid_json'],
      [
        'unknown field',
        { json: { email: 'a@b.org', role: 'member', citySlug: 'bologna', admin: true } },
        400,
        'validation_failed',
      ],
      [
        'wrong type',
        { json: { email: 42, role: 'member', citySlug: 'bologna' } },
        400,
        'validation_failed',
      ],
      [
        'unknown role',
        { json: { email: 'a@b.org', role: 'emperor', citySlug: 'bologna' } },
        400,
        'validation_failed',
      ],
      [
        'city that does not exist',
        { json: { email: 'a@b.org', role: 'member', citySlug: 'atlantis' } },
        404,
        'city_not_found',
      ],
      [
        'email already in use',
        { json: { email: 'kanazawa@uccn.test', role: 'member', citySlug: 'bologna' } },
        409,
        'email_taken',
      ],
    ];
    for (const [label, input, status, code] of cases) {
      const response = await bologna.request<ErrorBody>('POST', '/api/invitations', {
        ...input,
        headers: { 'content-type': 'application/json' },
      });
      expect({ label, status: response.status, code: response.body.error?.code }).toEqual({
        label,
        status,
        code,
      });
    }
    expect(await invitationCount()).toBe(before);
  });

  it('refuses a signed-out inviter and an unknown link', async () => {
    const guest = new TestClient(server.url);
    const response = await guest.post<ErrorBody>('/api/invitations', {
      email: 'x@y.org',
      role: 'member',
      citySlug: 'bologna',
    });
    expect(response.status).toBe(401);
    const unknown = await guest.get<ErrorBody>(`/api/invitations/${'x'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('invitation_not_found');
  });
});
