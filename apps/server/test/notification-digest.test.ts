// The daily e-mail digest on a real database: unread notifications of the kinds a user wants
// by mail go out once, at most one mail a day, and a failed send is retried on the next run.
import { schema } from '@uccn/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDigests } from '../src/features/notifications/digest';
import type { MailMessage } from '../src/mailer/mailer';
import { startTestServer, type TestServer } from './support/test-server';

describe('notification digest', () => {
  let server: TestServer;
  let userId: string;
  const sent: MailMessage[] = [];
  let failing = false;
  const run = (now: Date) =>
    sendDigests(
      {
        db: server.services.db,
        mailer: {
          send: async (message) => {
            if (failing) throw new Error('SMTP down');
            sent.push(message);
          },
        },
        publicUrl: 'https://collab.example',
        log: server.services.log,
      },
      now,
    );
  const notify = (kind: 'mention' | 'reply', subject: string) =>
    server.services.notifications.notify([
      {
        userId,
        kind,
        title: `A ${kind}`,
        body: 'Body',
        url: '/discussions/x',
        actorId: null,
        subject,
      },
    ]);

  beforeAll(async () => {
    server = await startTestServer('pglite', { DIGEST_CHECK_MINUTES: '0' });
    const [user] = await server.services.db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(schema.users.email, 'bologna@uccn.test'));
    userId = user?.id ?? '';
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('mails the wanted kinds once, then waits a day', async () => {
    await notify('mention', 'message:1');
    await notify('reply', 'message:2'); // replies are off by default
    failing = true;
    expect(await run(new Date(Date.now() + 1000))).toBe(0);
    failing = false;
    expect(await run(new Date(Date.now() + 2000))).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: 'bologna@uccn.test',
      subject: 'UCCN Collab: 1 new notification',
    });
    expect(sent[0]?.text).toContain('https://collab.example/discussions/x');

    await notify('mention', 'message:3');
    expect(await run(new Date(Date.now() + 3000))).toBe(0);
    expect(await run(new Date(Date.now() + 25 * 60 * 60_000))).toBe(1);
    expect(sent[1]?.text).toContain('A mention');
    expect(sent[1]?.text).not.toContain('A reply');
  });

  it('sends nothing for what was read or what the user turned off', async () => {
    await server.services.notifications.setPreferences(userId, [{ kind: 'mention', email: false }]);
    await notify('mention', 'message:4');
    expect(await run(new Date(Date.now() + 3 * 24 * 60 * 60_000))).toBe(0);
    await server.services.notifications.setPreferences(userId, [{ kind: 'reply', email: true }]);
    await notify('reply', 'message:5');
    await server.services.db
      .update(schema.notifications)
      .set({ readAt: new Date() })
      .where(eq(schema.notifications.userId, userId));
    expect(await run(new Date(Date.now() + 4 * 24 * 60 * 60_000))).toBe(0);
  });
});
