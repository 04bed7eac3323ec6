// Public face of @uccn/db: the client factory, the schema and the seeders.
export {
  type Database,
  type DatabaseDriver,
  type DatabaseHandle,
  type DatabaseOptions,
  migrationsFolder,
  openDatabase,
  type Schema,
} from './client';
export * as schema from './schema/index';
