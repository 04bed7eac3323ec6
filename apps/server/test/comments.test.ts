// Comments on a document's text against the real server: threads started by a writer, a
// read-only city and the Secretariat; replies, resolve and reopen, editing and deleting one's
// own; refusals for cities without access and for bad payloads; and the live `comment:changed`
// a watching socket receives — on the embedded database and on Postgres.
import { randomUUID } from 'node:crypto';
import { schema } from '@uccn/db';
import { availableDrivers } from '@uccn/db/testing';
import type { CommentThread, DocumentComment } from '@uccn/protocol';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoAccount, signInDemo } from './support/demo-session';
import { TestClient } from './support/http-client';
import { startTestServer, type TestServer } from './support/test-server';
import { call, connectThreads, nextEvent, ok, type ThreadClient } from './support/thread-clients';

const drivers = await availableDrivers();

const anchor = {
  start: { item: { client: 1_234, clock: 10 }, assoc: 0 },
  end: { item: { client: 1_234, clock: 21 }, assoc: -1 },
};

type ErrorBody = { error: { code: string; message: string } };

describe.each(drivers)('document comments on %s', (driver) => {
  let server: TestServer;
  let cookies: Record<DemoAccount, string>;
  /** Bologna's; Kanazawa writes, Dakar reads. */
  let shared: string;
  /** Bologna's; shared with Kanazawa only. */
  let private_: string;
  const sockets: ThreadClient[] = [];

  const api = <T>(account: DemoAccount, method: string, path: string, json?: unknown) =>
    new TestClient(server.url).request<T>(method, path, {
      json,
      headers: { cookie: cookies[account], origin: server.url },
    });
  const startThread = (account: DemoAccount, documentId: string, body: string, quote = 'May') =>
    api<{ thread: CommentThread } & ErrorBody>(
      account,
      'POST',
      `/api/documents/${documentId}/comments`,
      { anchor, quote, body },
    );
  const connect = async (account: DemoAccount) => {
    const socket = await connectThreads(server.url, cookies[account]);
    sockets.push(socket);
    return socket;
  };
  const createDocument = async (title: string, cities: { slug: string; access: string }[]) => {
    const created = await api<{ document: { id: string } }>('bologna', 'POST', '/api/documents', {
      title,
      cities,
    });
    expect(created.status).toBe(201);
    return created.body.document.id;
  };

  beforeAll(async () => {
    server = await startTestServer(driver, { SIGN_IN_RATE_LIMIT: '1000' });
    cookies = await signInDemo(server.url);
    shared = await createDocument('Festival plan', [
      { slug: 'kanazawa', access: 'write' },
      { slug: 'dakar', access: 'read' },
    ]);
    private_ = await createDocument('Bilateral notes', [{ slug: 'kanazawa', access: 'write' }]);
  }, 60_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await server?.stop();
  });

  it('lets a writer, a read-only city and the Secretariat start threads', async () => {
    const byWriter = await startThread('kanazawa', shared, 'Which week in May?');
    expect(byWriter.status).toBe(201);
    expect(byWriter.body.thread).toMatchObject({
      documentId: shared,
      anchor,
      quote: 'May',
      body: 'Which week in May?',
      author: { city: { slug: 'kanazawa' } },
      resolved: null,
      replies: [],
      deleted: false,
    });

    const byReader = await startThread('dakar', shared, 'We can send musicians <b>too</b>.');
    expect(byReader.status).toBe(201);
    expect(byReader.body.thread.body).toBe('We can send musicians <b>too</b>.');
    expect(byReader.body.thread.author?.city?.slug).toBe('dakar');

    const bySecretariat = await startThread('secretariat', shared, 'Please cite SDG 11.');
    expect(bySecretariat.status).toBe(201);
    expect(bySecretariat.body.thread.author).toMatchObject({ role: 'secretariat', city: null });

    const listed = await api<{ threads: CommentThread[] }>(
      'bologna',
      'GET',
      `/api/documents/${shared}/comments`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.threads.map((thread) => thread.id)).toEqual([
      byWriter.body.thread.id,
      byReader.body.thread.id,
      bySecretariat.body.thread.id,
    ]);
  });

  it('refuses a city without access, and an unknown document', async () => {
    const started = await startThread('dakar', private_, 'Let me in');
    expect(started.status).toBe(403);
    expect(started.body.error.code).toBe('forbidden');
    const listed = await api<ErrorBody>('dakar', 'GET', `/api/documents/${private_}/comments`);
    expect(listed.status).toBe(403);

    const theirs = await startThread('kanazawa', private_, 'Just between us');
    expect(theirs.status).toBe(201);
    for (const [method, path, json] of [
      ['POST', `/api/comments/${theirs.body.thread.id}/replies`, { body: 'Hello?' }],
      ['POST', `/api/comments/${theirs.body.thread.id}/resolve`, undefined],
    ] as const) {
      const refused = await api<ErrorBody>('dakar', method, path, json);
      expect(refused.status).toBe(403);
    }

    const unknown = await startThread('bologna', randomUUID(), 'Anyone?');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('document_not_found');
    const noComment = await api<ErrorBody>(
      'bologna',
      'POST',
      `/api/comments/${randomUUID()}/replies`,
      {
        body: 'Hi',
      },
    );
    expect(noComment.status).toBe(404);
    expect(noComment.body.error.code).toBe('comment_not_found');
    const anonymous = await new TestClient(server.url).request(
      'GET',
      `/api/documents/${shared}/comments`,
    );
    expect(anonymous.status).toBe(401);
  });

  it('carries replies, resolve and reopen, and edits and deletions of one’s own', async () => {
    const { thread } = (await startThread('bologna', shared, 'Budget in euros?')).body;
    const reply = await api<{ thread: CommentThread; reply: DocumentComment }>(
      'dakar',
      'POST',
      `/api/comments/${thread.id}/replies`,
      { body: 'Yes, and in CFA francs.' },
    );
    expect(reply.status).toBe(201);
    expect(reply.body.reply).toMatchObject({
      body: 'Yes, and in CFA francs.',
      author: { city: { slug: 'dakar' } },
    });
    // A reply to a reply joins the same thread.
    const second = await api<{ thread: CommentThread }>(
      'secretariat',
      'POST',
      `/api/comments/${reply.body.reply.id}/replies`,
      { body: 'Euros are enough.' },
    );
    expect(second.body.thread.id).toBe(thread.id);
    expect(second.body.thread.replies.map((entry) => entry.body)).toEqual([
      'Yes, and in CFA francs.',
      'Euros are enough.',
    ]);

    // The Secretariat cannot edit this document, but may resolve the thread.
    const resolved = await api<{ thread: CommentThread }>(
      'secretariat',
      'POST',
      `/api/comments/${thread.id}/resolve`,
    );
    expect(resolved.status).toBe(200);
    expect(resolved.body.thread.resolved).toMatchObject({ by: { role: 'secretariat' } });
    const again = await api<{ thread: CommentThread }>(
      'bologna',
      'POST',
      `/api/comments/${thread.id}/resolve`,
    );
    expect(again.body.thread.resolved?.at).toBe(resolved.body.thread.resolved?.at);
    const reopened = await api<{ thread: CommentThread }>(
      'dakar',
      'POST',
      `/api/comments/${reply.body.reply.id}/reopen`,
    );
    expect(reopened.status).toBe(200);
    expect(reopened.body.thread.resolved).toBeNull();

    const notMine = await api<ErrorBody>('kanazawa', 'PATCH', `/api/comments/${thread.id}`, {
      body: 'Hijacked',
    });
    expect(notMine.status).toBe(403);
    const edited = await api<{ thread: CommentThread }>(
      'bologna',
      'PATCH',
      `/api/comments/${thread.id}`,
      { body: 'Budget in euros, please.' },
    );
    expect(edited.body.thread).toMatchObject({ body: 'Budget in euros, please.' });
    expect(edited.body.thread.editedAt).not.toBeNull();

    const deleted = await api<{ thread: CommentThread }>(
      'bologna',
      'DELETE',
      `/api/comments/${thread.id}`,
    );
    expect(deleted.body.thread).toMatchObject({ deleted: true, body: '' });
    expect(deleted.body.thread.replies).toHaveLength(2);
    const editDeleted = await api<ErrorBody>('bologna', 'PATCH', `/api/comments/${thread.id}`, {
      body: 'Back',
    });
    expect(editDeleted.body.error.code).toBe('comment_not_found');

    // A thread whose comments are all deleted leaves the list.
    expect((await api('dakar', 'DELETE', `/api/comments/${reply.body.reply.id}`)).status).toBe(200);
    const last = second.body.thread.replies[1]?.id;
    expect((await api('secretariat', 'DELETE', `/api/comments/${last}`)).status).toBe(200);
    const listed = await api<{ threads: CommentThread[] }>(
      'kanazawa',
      'GET',
      `/api/documents/${shared}/comments`,
    );
    expect(listed.body.threads.map((entry) => entry.id)).not.toContain(thread.id);

    const logged = await server.services.db
      .select({ action: schema.activityLog.action })
      .from(schema.activityLog)
      .where(
        and(
          eq(schema.activityLog.subjectId, shared),
          sql`${schema.activityLog.details}->>'commentId' = ${thread.id}`,
        ),
      )
      .orderBy(asc(schema.activityLog.id));
    expect(logged.map((entry) => entry.action)).toEqual([
      'comment.created',
      'comment.resolved',
      'comment.reopened',
      'comment.edited',
      'comment.deleted',
    ]);
  });

  it('pushes every change of a thread to the sockets watching the document', async () => {
    const kanazawa = await connect('kanazawa');
    const dakar = await connect('dakar');
    await ok(kanazawa, 'comments:watch', { documentId: shared });
    const refused = await call(dakar, 'comments:watch', { documentId: private_ });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const missing = await call(dakar, 'comments:watch', { documentId: randomUUID() });
    expect(missing).toMatchObject({ ok: false, error: { code: 'document_not_found' } });
    await ok(dakar, 'comments:watch', { documentId: shared });

    const seenByKanazawa = nextEvent(
      kanazawa,
      'comment:changed',
      ({ comment }) => comment.body === 'Add a map of the venues?',
    );
    const seenByDakar = nextEvent(
      dakar,
      'comment:changed',
      ({ comment }) => comment.body === 'Add a map of the venues?',
    );
    const { thread } = (await startThread('secretariat', shared, 'Add a map of the venues?')).body;
    expect((await seenByKanazawa).comment).toEqual(thread);
    await seenByDakar;

    const replied = nextEvent(
      kanazawa,
      'comment:changed',
      ({ comment }) => comment.id === thread.id && comment.replies.length === 1,
    );
    await api('dakar', 'POST', `/api/comments/${thread.id}/replies`, { body: 'We have one.' });
    expect((await replied).comment.replies[0]?.body).toBe('We have one.');

    const resolved = nextEvent(
      kanazawa,
      'comment:changed',
      ({ comment }) => comment.id === thread.id && comment.resolved !== null,
    );
    await api('bologna', 'POST', `/api/comments/${thread.id}/resolve`);
    expect((await resolved).comment.resolved?.by?.city?.slug).toBe('bologna');

    // After unwatching, the socket hears nothing more about this document's comments.
    await ok(dakar, 'comments:unwatch', { documentId: shared });
    const heard: string[] = [];
    dakar.on('comment:changed', ({ comment }) => heard.push(comment.id));
    const reopened = nextEvent(
      kanazawa,
      'comment:changed',
      ({ comment }) => comment.id === thread.id,
    );
    await api('bologna', 'POST', `/api/comments/${thread.id}/reopen`);
    await reopened;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard).toEqual([]);

    // A city whose access is withdrawn stops hearing at once.
    await ok(dakar, 'comments:watch', { documentId: shared });
    const access = await api('bologna', 'PUT', `/api/documents/${shared}/access`, {
      cities: [{ slug: 'kanazawa', access: 'write' }],
    });
    expect(access.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const afterRevoke = nextEvent(
      kanazawa,
      'comment:changed',
      ({ comment }) => comment.id === thread.id,
    );
    await api('bologna', 'POST', `/api/comments/${thread.id}/resolve`);
    await afterRevoke;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard).toEqual([]);
    expect((await startThread('dakar', shared, 'Still here?')).status).toBe(403);
  });

  it('refuses bad payloads with stable codes', async () => {
    const cases: [unknown, number, string][] = [
      [{ anchor, quote: 'x', body: '   ' }, 400, 'validation_failed'],
      [{ anchor, quote: 'x', body: 'x'.repeat(5_001) }, 413, 'message_too_long'],
      [{ anchor, quote: 'x'.repeat(501), body: 'Long quote' }, 400, 'validation_failed'],
      [{ anchor: { start: anchor.start }, quote: 'x', body: 'Half' }, 400, 'validation_failed'],
      [
        {
          anchor: { start: { tname: 'x'.repeat(1_100) }, end: { tname: 'y'.repeat(1_100) } },
          quote: 'x',
          body: 'Big',
        },
        400,
        'validation_failed',
      ],
      [{ anchor, quote: 'x', body: 'Extra', html: '<b>' }, 400, 'validation_failed'],
      [{ quote: 'x', body: 'No anchor' }, 400, 'validation_failed'],
    ];
    for (const [json, status, code] of cases) {
      const response = await api<ErrorBody>(
        'kanazawa',
        'POST',
        `/api/documents/${shared}/comments`,
        json,
      );
      expect({ status: response.status, code: response.body.error.code }).toEqual({ status, code });
    }
    const exactly = await startThread('kanazawa', shared, 'x'.repeat(5_000), 'q'.repeat(500));
    expect(exactly.status).toBe(201);
    const badId = await api<ErrorBody>('kanazawa', 'POST', '/api/comments/not-a-uuid/replies', {
      body: 'Hi',
    });
    expect(badId.status).toBe(400);

    const socket = await connect('kanazawa');
    const bad = await call(socket, 'comments:watch', { documentId: 'nope' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });
});
