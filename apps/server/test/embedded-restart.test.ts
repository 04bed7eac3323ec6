// The embedded default keeps its data in DATA_DIR: a restart finds the same network and
// accounts, seeds nothing twice, and keeps sessions (the generated secret is kept too).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { schema } from '@uccn/db';
import { count, like } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startUccnServer } from '../src/start';
import { TestClient } from './support/http-client';
import { DEMO_PASSWORD } from './support/test-server';

const dataDir = mkdtempSync(path.join(tmpdir(), 'uccn-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function start() {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
  });
  return startUccnServer(config, createLogger(config.log));
}

describe('embedded default across a restart', () => {
  it('keeps the network, the demo accounts and the session', async () => {
    const first = await start();
    const client = new TestClient(first.url);
    expect((await client.signIn('sharjah@uccn.test', DEMO_PASSWORD)).status).toBe(200);
    const usersBefore = await first.services.db.select({ n: count() }).from(schema.users);
    await first.close();

    const second = await start();
    try {
      const [cities] = await second.services.db.select({ n: count() }).from(schema.cities);
      const usersAfter = await second.services.db.select({ n: count() }).from(schema.users);
      expect(cities?.n).toBe(350);
      expect(usersAfter).toEqual(usersBefore);
      // The seven demo accounts that sign in, besides the demo network's members.
      const [signingIn] = await second.services.db
        .select({ n: count() })
        .from(schema.users)
        .where(like(schema.users.email, '%@uccn.test'));
      expect(signingIn?.n).toBe(7);
      // The demo network (proposals, topics) is seeded once, not again on the restart.
      const [proposals] = await second.services.db.select({ n: count() }).from(schema.proposals);
      expect(proposals?.n).toBe(25);
      const again = new TestClient(second.url);
      // The same cookie works on the restarted server.
      const me = await again.request<{ city: { slug: string } }>('GET', '/api/me', {
        headers: { cookie: client.cookieHeader },
      });
      expect(me.status).toBe(200);
      expect(me.body.city.slug).toBe('sharjah');
    } finally {
      await second.close();
    }
  });
});
