import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, environmentSchema, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded shape with demo mode on', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.database.driver).toBe('pglite');
    expect(config.redisUrl).toBeUndefined();
    expect(config.demo).toEqual({ enabled: true, password: 'creative-cities', network: true });
  });

  it('turns demo mode off with DATABASE_URL, unless DEMO forces it on', () => {
    const env = { DATABASE_URL: 'postgres://u@db:5432/uccn', AUTH_SECRET: 'x'.repeat(32) };
    expect(loadConfig(env).demo.enabled).toBe(false);
    expect(loadConfig({ ...env, DEMO: 'true' }).demo.enabled).toBe(true);
    expect(loadConfig(env).database).toEqual({ driver: 'postgres', url: env.DATABASE_URL });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.driver).toBe('pglite');
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        REDIS_URL: 'http://nope',
        DEMO: 'maybe',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      for (const name of ['PORT', 'DATABASE_URL', 'REDIS_URL', 'DEMO'])
        expect(message).toContain(name);
    }
  });

  it('requires a shared AUTH_SECRET with Postgres, and Postgres with Redis', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@db/uccn' })).toThrow(/AUTH_SECRET/);
    expect(() => loadConfig({ REDIS_URL: 'redis://r:6379' })).toThrow(
      /REDIS_URL: needs DATABASE_URL/,
    );
  });
});

describe('.env.example', () => {
  it('lists exactly the variables the schema reads', () => {
    const text = readFileSync(path.resolve(import.meta.dirname, '../../../.env.example'), 'utf8');
    const listed = [...text.matchAll(/^([A-Z_]+)=/gm)].map((match) => match[1]).sort();
    const schemaKeys = Object.keys(environmentSchema.shape).sort();
    expect(listed).toEqual(schemaKeys);
  });
});
