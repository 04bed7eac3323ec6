// The database client: PGlite in a data folder (embedded default) or a Postgres pool, one
// drizzle API over both, chosen once by the caller from validated config.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { migrationsFolder } from './data-folder';
import * as schema from './schema/index';

export type Schema = typeof schema;
/** The drizzle database, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseDriver = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  driver: DatabaseDriver;
  /** Applies the committed SQL migrations that have not run yet. */
  migrate(): Promise<void>;
  /** Resolves when the database answers a trivial query; throws otherwise. */
  ping(): Promise<void>;
  /**
   * Runs `task` while holding a database-wide lock named `name`: on Postgres, nodes that start
   * together migrate and seed one after the other. PGlite has one process, so it just runs.
   */
  withLock<T>(name: string, task: () => Promise<T>): Promise<T>;
  /**
   * Runs one SQL statement directly on the driver, for hot paths where the query builder's
   * cost shows (the update log's group commit). `name` makes it a prepared statement on Postgres.
   */
  query: RawQuery;
  close(): Promise<void>;
}

export type RawQuery = <Row = Record<string, unknown>>(
  text: string,
  params: unknown[],
  name?: string,
) => Promise<{ rows: Row[] }>;

export type DatabaseOptions =
  | { driver: 'postgres'; url: string; poolSize?: number }
  /** `dataDir` undefined keeps the database in memory (tests). */
  | { driver: 'pglite'; dataDir?: string };

/**
 * Opens the database. Nothing is migrated until `migrate()` is called.
 * @example const handle = await openDatabase({ driver: 'pglite', dataDir: './data/db' });
 */
export async function openDatabase(
  options: DatabaseOptions,
  folder = migrationsFolder,
): Promise<DatabaseHandle> {
  if (options.driver === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client that errors (server restart) must not crash the process; the pool
    // drops it and the next query gets a fresh connection.
    pool.on('error', () => {});
    const db = drizzlePostgres({ client: pool, schema, casing: 'snake_case' });
    return {
      db: db as unknown as Database,
      driver: 'postgres',
      migrate: () => migratePostgres(db, { migrationsFolder: folder }),
      ping: async () => {
        await pool.query('select 1');
      },
      withLock: async (name, task) => {
        const client = await pool.connect();
        try {
          await client.query('select pg_advisory_lock(hashtext($1))', [name]);
          try {
            return await task();
          } finally {
            await client.query('select pg_advisory_unlock(hashtext($1))', [name]);
          }
        } finally {
          client.release();
        }
      },
      query: async <Row>(text: string, values: unknown[], name?: string) => {
        const result = await pool.query({ text, values, ...(name ? { name } : {}) });
        return { rows: result.rows as Row[] };
      },
      close: () => pool.end(),
    };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const db = drizzlePglite({ client, schema, casing: 'snake_case' });
  return {
    db: db as unknown as Database,
    driver: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder: folder }),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    withLock: (_name, task) => task(),
    query: async <Row>(text: string, values: unknown[]) => {
      const result = await client.query<Row>(text, values);
      return { rows: result.rows };
    },
    close: () => client.close(),
  };
}
