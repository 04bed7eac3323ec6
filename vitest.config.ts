import { defineConfig } from 'vitest/config';

// One test run for the whole workspace; each package is a project with its own config where it
// needs one. Database tests create their own throwaway databases, so files run in parallel.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/server', 'apps/web'],
  },
});
