import { defineConfig } from 'vitest/config';

// One test run for the whole workspace: unit and integration tests per package, and the browser
// tests (the "e2e" project, which starts the built product itself). Database tests create their
// own throwaway databases, so files run in parallel.
export default defineConfig({
  test: {
    projects: [
      'packages/*',
      'apps/server',
      'apps/web/vitest.config.ts',
      'apps/web/vitest.e2e.config.ts',
    ],
  },
});
