// End-to-end tests in headless Chromium against a running server (E2E_BASE_URL).
import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    // Paths below are relative to apps/web, whichever directory vitest is started from.
    root: import.meta.dirname,
    name: 'e2e',
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    environment: 'node',
    // One browser per file; two cores on CI, so keep files from fighting over them.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
