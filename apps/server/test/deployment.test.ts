// docker-compose.yml cannot run here (no Docker engine), so this reads it and checks it against
// the config schema and the proxy settings that real-time traffic needs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { environmentSchema, loadConfig } from '../src/config';

const root = path.resolve(import.meta.dirname, '../../..');

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }> | string[];
  volumes?: string[];
}

const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as {
  services: Record<string, ComposeService>;
};
const nginx = readFileSync(path.join(root, 'deploy/nginx.conf'), 'utf8');

/** Compose's `${VAR:-default}` and `${VAR:?message}`, as they would expand with nothing set. */
function expand(value: string) {
  return value.replace(
    /\$\{(\w+)(?::([-?])([^}]*))?\}/g,
    (_, name: string, kind?: string, rest?: string) => {
      if (kind === '-') return rest ?? '';
      if (name === 'AUTH_SECRET') return 'a-secret-of-at-least-thirty-two-characters';
      throw new Error(`no value for \${${name}}`);
    },
  );
}

const appNames = Object.keys(compose.services).filter((name) => compose.services[name]?.build);

describe('docker-compose.yml', () => {
  it('has Postgres, Redis, two app nodes and a proxy', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'app-1',
      'app-2',
      'postgres',
      'proxy',
      'redis',
    ]);
    expect(appNames.sort()).toEqual(['app-1', 'app-2']);
  });

  it('gives each app node only variables the config schema knows, and a valid config', () => {
    const known = Object.keys(environmentSchema.shape);
    const nodeIds = new Set<string>();
    for (const name of appNames) {
      const environment = compose.services[name]?.environment ?? {};
      expect(Object.keys(environment).filter((key) => !known.includes(key))).toEqual([]);
      const config = loadConfig(
        Object.fromEntries(
          Object.entries(environment).map(([key, value]) => [key, expand(String(value))]),
        ),
      );
      expect(config.database.driver).toBe('postgres');
      expect(config.database.driver === 'postgres' && new URL(config.database.url).hostname).toBe(
        'postgres',
      );
      expect(new URL(config.redisUrl ?? '').hostname).toBe('redis');
      expect(config.port).toBe(8080);
      expect(config.trustProxy).toBe(true);
      nodeIds.add(config.nodeId);
    }
    expect(nodeIds.size).toBe(appNames.length);
  });

  it('starts the app nodes after healthy Postgres and Redis', () => {
    for (const name of appNames) {
      expect(compose.services[name]?.depends_on).toMatchObject({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
    }
  });

  it('puts a proxy in front that passes WebSocket upgrades to both nodes', () => {
    const proxy = compose.services.proxy;
    expect(proxy?.ports).toEqual(['8080:80']);
    expect(proxy?.volumes?.[0]).toMatch(/^\.\/deploy\/nginx\.conf:/);
    for (const name of appNames) expect(nginx).toContain(`server ${name}:8080;`);
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(nginx).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    expect(nginx).toMatch(/proxy_http_version 1\.1;/);
  });
});
