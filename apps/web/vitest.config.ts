// Unit tests of the web app's pure logic (i18n, filters, API errors); browser tests live in e2e/.
import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    // Paths below are relative to apps/web, whichever directory vitest is started from.
    root: import.meta.dirname,
    name: 'web',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
