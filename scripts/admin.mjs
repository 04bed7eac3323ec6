#!/usr/bin/env node
// `npm run admin -- <command>`: account administration (create-user, list-users, reset-password).
import { install, pnpm, runForeground } from './lib.mjs';

install();
pnpm(['--filter', '@uccn/server', 'run', 'build'], { stdio: ['inherit', 'ignore', 'inherit'] });
runForeground(process.execPath, ['apps/server/dist/admin.js', ...process.argv.slice(2)]);
