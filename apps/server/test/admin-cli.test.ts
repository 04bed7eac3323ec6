// The admin CLI on a deployment without demo mode: create a user, list, reset a password.
import { availableDrivers, createTestDatabase } from '@uccn/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../src/admin/commands';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startUccnServer, type UccnServer } from '../src/start';
import { TestClient } from './support/http-client';

const drivers = (await availableDrivers()).filter((driver) => driver === 'postgres');

describe.runIf(drivers.length > 0)('admin CLI on Postgres without demo mode', () => {
  let server: UccnServer;
  let env: Record<string, string>;
  let destroy: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase('postgres');
    destroy = database.destroy;
    env = {
      DATABASE_URL: database.url ?? '',
      AUTH_SECRET: 'cli-test-secret-cli-test-secret-0123456',
    };
    const config = loadConfig({ ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
    server = await startUccnServer(config, createLogger(config.log));
  });
  afterAll(async () => {
    await server?.close();
    await destroy?.();
  });

  it('seeds no demo accounts when DATABASE_URL is set', async () => {
    const client = new TestClient(server.url);
    expect(
      (await client.get<{ demo: { enabled: boolean } }>('/api/public-config')).body.demo.enabled,
    ).toBe(false);
    expect((await client.signIn('secretariat@uccn.test', 'creative-cities')).status).toBe(401);
  });

  it('creates an admin who can sign in, lists users, and resets a password', async () => {
    const lines: string[] = [];
    const out = (line: string) => lines.push(line);
    await runAdmin(
      [
        'create-user',
        '--email',
        'Chief@UNESCO.example',
        '--name',
        'Chief',
        '--role',
        'secretariat',
        '--password',
        'first-password',
      ],
      env,
      out,
    );
    await runAdmin(
      [
        'create-user',
        '--email',
        'fp@lyon.example',
        '--name',
        'FP',
        '--role',
        'focal_point',
        '--city',
        'lyon',
      ],
      env,
      out,
    );
    expect(lines[1]).toMatch(/Password: \S{12,}/);
    await runAdmin(['list-users'], env, out);
    expect(lines.join('\n')).toContain('chief@unesco.example\tChief\tsecretariat\t-');
    expect(lines.join('\n')).toContain('fp@lyon.example\tFP\tfocal_point\tlyon');

    const client = new TestClient(server.url);
    expect((await client.signIn('chief@unesco.example', 'first-password')).status).toBe(200);
    await runAdmin(
      ['reset-password', '--email', 'chief@unesco.example', '--password', 'second-password'],
      env,
      out,
    );
    expect((await client.get('/api/me')).status).toBe(401);
    expect((await client.signIn('chief@unesco.example', 'first-password')).status).toBe(401);
    expect((await client.signIn('chief@unesco.example', 'second-password')).status).toBe(200);
  });

  it('refuses a bad command clearly', async () => {
    await expect(
      runAdmin(['create-user', '--email', 'x@y.z', '--name', 'X', '--role', 'king'], env),
    ).rejects.toThrow(/--role/);
    await expect(
      runAdmin(
        [
          'create-user',
          '--email',
          'x@y.z',
          '--name',
          'X',
          '--role',
          'member',
          '--city',
          'atlantis',
        ],
        env,
      ),
    ).rejects.toThrow(/atlantis/);
    await expect(runAdmin(['explode'], env)).rejects.toThrow(/Unknown command/);
  });
});
