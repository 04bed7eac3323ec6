#!/usr/bin/env node
// Runs the pinned pnpm through npm: corepack cannot download pnpm on every machine we run on.
import { spawnSync } from 'node:child_process';

export const PNPM_VERSION = '12.4.2';

/** Runs pnpm with the given arguments; exits the process with pnpm's code when it fails. */
export function pnpm(args, options = {}) {
  const result = spawnSync('npx', ['-y', `pnpm@${PNPM_VERSION}`, ...args], {
    stdio: 'inherit',
    ...options,
  });
  if (result.status !== 0) {
    process.exit(result.status ?? 1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  pnpm(process.argv.slice(2));
}
