import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema and committed; both drivers run the same SQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './drizzle',
  casing: 'snake_case',
});
