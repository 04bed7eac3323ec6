#!/usr/bin/env node
// `npm test`: install, lint and format check, type-check, build, then every test (unit,
// integration against PGlite and the real Postgres and Redis, end-to-end in Chromium).
import { install, pnpm, step } from './lib.mjs';

install();
step('Lint and format (biome)');
pnpm(['exec', 'biome', 'check', '.']);
step('Type-check (tsc -b)');
pnpm(['exec', 'tsc', '-b']);
step('Build the web app and the server (the end-to-end tests run the built product)');
pnpm(['--filter', '@uccn/web', 'run', 'build']);
pnpm(['--filter', '@uccn/server', 'run', 'build']);
step('Tests (vitest)');
pnpm(['exec', 'vitest', 'run', ...process.argv.slice(2)]);
