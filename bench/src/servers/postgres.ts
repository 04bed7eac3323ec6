// A throwaway Postgres database for one run of the UCCN server, made and dropped with psql.
import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { promisify } from 'node:util';

const run = promisify(execFile);
const HOST = '127.0.0.1';
const PORT = 5432;

/** True when something accepts TCP connections on 127.0.0.1:5432 within a second. */
export function postgresAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: HOST, port: PORT });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function psql(sql: string) {
  await run(
    'psql',
    ['-h', HOST, '-p', String(PORT), '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', sql],
    {
      timeout: 30_000,
    },
  );
}

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database `uccn_bench_<pid>_<n>`; `drop()` removes it, closing its sessions. */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const name = `uccn_bench_${process.pid}_${Date.now().toString(36)}`;
  await psql(`CREATE DATABASE ${name}`);
  return {
    name,
    url: `postgres://postgres@${HOST}:${PORT}/${name}`,
    drop: () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
