#!/usr/bin/env node
// `npm start`: install, build, then run the product on the embedded default (or on the
// services that DATABASE_URL and REDIS_URL name). Migrations and seeding run at server start.
import { install, pnpm, runForeground, step } from './lib.mjs';

install();
step('Building the web app');
pnpm(['--filter', '@uccn/web', 'run', 'build']);
step('Building the server');
pnpm(['--filter', '@uccn/server', 'run', 'build']);
step(`Starting UCCN Collab on http://localhost:${process.env.PORT ?? 8080}`);
runForeground(process.execPath, ['--enable-source-maps', 'apps/server/dist/main.js']);
