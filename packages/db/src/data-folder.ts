// Where this package's committed files (SQL migrations, seed data) live on disk. Found through
// Node's package resolution rather than this module's own path, so that it holds when the server
// bundles this package into apps/server/dist.
import { createRequire } from 'node:module';
import path from 'node:path';

const packageRoot = path.dirname(createRequire(import.meta.url).resolve('@uccn/db/package.json'));

/** The folder of the network's CSV files. */
export const dataFolder = path.join(packageRoot, 'data');

/** The folder of the committed SQL migrations (drizzle-kit output). */
export const migrationsFolder = path.join(packageRoot, 'drizzle');
