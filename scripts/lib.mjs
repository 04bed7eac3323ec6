// Helpers for the root scripts (start, test, dev, admin): they run with Node alone, before any
// dependency is installed.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PNPM = ['-y', 'pnpm@12.4.2'];

export function step(message) {
  console.log(`\n▶ ${message}`);
}

/** Runs a command in the repository root; exits with its code when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, ...options });
  if (result.status !== 0) {
    console.error(`✖ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

export function pnpm(args, options) {
  run('npx', [...PNPM, ...args], options);
}

/** Installs the workspace's dependencies exactly as locked. */
export function install() {
  step('Installing dependencies (pnpm, from the lockfile)');
  pnpm(['install', '--frozen-lockfile', '--reporter=append-only']);
}

/** Runs a long-lived child and mirrors its exit; forwards Ctrl-C and SIGTERM to it. */
export function runForeground(command, args, options = {}) {
  const child = spawn(command, args, { stdio: 'inherit', cwd: ROOT, ...options });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return child;
}
