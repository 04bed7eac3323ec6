#!/usr/bin/env node
// `npm run dev`: the server with reload on port 8080 and the web app with hot reload on 5173.
import { spawn } from 'node:child_process';
import { install, PNPM, ROOT, step } from './lib.mjs';

install();
step('Starting the API on http://localhost:8080 and the web app on http://localhost:5173');
const children = [
  spawn('npx', [...PNPM, '--filter', '@uccn/server', 'run', 'dev'], {
    stdio: 'inherit',
    cwd: ROOT,
  }),
  spawn('npx', [...PNPM, '--filter', '@uccn/web', 'run', 'dev'], { stdio: 'inherit', cwd: ROOT }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children)
  child.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
