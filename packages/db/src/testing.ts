// Test support: a fresh, migrated database on each driver the machine can offer.
// PGlite always runs; Postgres runs when TEST_DATABASE_URL (or the local default) answers,
// and must answer in CI, where a missing service is a failure rather than a skip.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseDriver, type DatabaseHandle, openDatabase } from './client';

export const TEST_POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let postgresReachable: Promise<boolean> | undefined;

/** Whether the real Postgres for tests answers; throws in CI when it does not. */
export function isPostgresReachable(): Promise<boolean> {
  postgresReachable ??= (async () => {
    const client = new pg.Client({
      connectionString: TEST_POSTGRES_URL,
      connectionTimeoutMillis: 2000,
    });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch (error) {
      if (process.env.CI) {
        throw new Error(`CI needs Postgres at ${TEST_POSTGRES_URL}: ${String(error)}`);
      }
      console.warn(
        `\n[tests] Postgres is not reachable at ${TEST_POSTGRES_URL}: the Postgres variants of the database tests were NOT run.\n`,
      );
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return postgresReachable;
}

/** The drivers to run database tests on, here and now. */
export async function availableDrivers(): Promise<DatabaseDriver[]> {
  return (await isPostgresReachable()) ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase extends DatabaseHandle {
  /** The connection string, for Postgres; child processes under test open it themselves. */
  url?: string;
  /** Closes and, for Postgres, drops the throwaway database. */
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated, empty database: in-memory PGlite, or a new Postgres database that
 * `destroy()` drops again.
 */
export async function createTestDatabase(driver: DatabaseDriver): Promise<TestDatabase> {
  if (driver === 'pglite') {
    const handle = await openDatabase({ driver: 'pglite' });
    await handle.migrate();
    return { ...handle, destroy: () => handle.close() };
  }
  const name = `uccn_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ driver: 'postgres', url: url.toString(), poolSize: 5 });
  await handle.migrate();
  return {
    ...handle,
    url: url.toString(),
    destroy: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
