// CLI: starts each server in turn, runs the scenarios against it, writes RESULTS.md and results/latest.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageSampler } from './metrics';
import { type BenchOptions, parseOptions, USAGE } from './options';
import { checkAppendUpdates } from './protocol/append-update';
import { type BenchResults, renderReport } from './report';
import { mergeResults } from './results';
import { capacity } from './scenarios/capacity';
import { connections } from './scenarios/connections';
import { manyDocs } from './scenarios/many-docs';
import { oneDoc } from './scenarios/one-doc';
import { saturation } from './scenarios/saturation';
import { twoNodes } from './scenarios/two-nodes';
import type { Scenario } from './scenarios/types';
import { killAllChildren, reapStaleChildren } from './servers/child';
import { hocuspocus } from './servers/hocuspocus';
import { ours } from './servers/ours';
import { postgresAnswers } from './servers/postgres';
import { yws } from './servers/yws';
import type { DatabaseKind, RunningServer, ServerLauncher, ServerName } from './types';

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(benchDir, '..');
const SCENARIOS: Scenario[] = [manyDocs, oneDoc, connections, saturation, twoNodes, capacity];
const LATEST = path.join(benchDir, 'results/latest.json');
const LAUNCHERS: Record<ServerName, ServerLauncher> = { ours, hocuspocus, yws };

let current: RunningServer | null = null;
let results: BenchResults | null = null;
/** What results/latest.json held before this run: scenarios not run now are kept from it. */
let previous: BenchResults | null = null;
let aborting = false;

function log(line: string) {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
}

function readLatest(): BenchResults | null {
  if (!existsSync(LATEST)) return null;
  return JSON.parse(readFileSync(LATEST, 'utf8')) as BenchResults;
}

/** Writes latest.json and RESULTS.md: this run's scenarios, plus the latest run of every other. */
function writeResults() {
  if (!results) return;
  const merged = mergeResults(previous, results);
  mkdirSync(path.join(benchDir, 'results'), { recursive: true });
  writeFileSync(LATEST, `${JSON.stringify(merged, null, 2)}\n`);
  const scenarios = SCENARIOS.filter((scenario) =>
    merged.runs.some((run) => run.scenario === scenario.name),
  );
  writeFileSync(path.join(benchDir, 'RESULTS.md'), renderReport(merged, scenarios));
}

/** Stops the running server (dropping its database), writes what we have, and exits. */
async function abort(reason: string, code: number) {
  // tsx relays a terminal's Ctrl-C too, so the signal may arrive twice.
  if (aborting) return;
  aborting = true;
  log(`stopping: ${reason}`);
  if (results) results.aborted = reason;
  const server = current;
  current = null;
  await Promise.race([server?.stop(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  writeResults();
  process.exit(code);
}

/** One scenario on one server (on `nodes` nodes), each on a fresh server. */
async function measure(
  scenario: Scenario,
  name: ServerName,
  nodes: number,
  database: DatabaseKind,
  at: string,
) {
  if (!results) return;
  const options = results.options;
  const prefix = `${scenario.name} / ${name}${nodes > 1 ? ` ×${nodes}` : ''}`;
  try {
    log(`${prefix}: starting server`);
    current = await LAUNCHERS[name].start({ repoRoot, database, nodes });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`${prefix}: could not start: ${message}`);
    // A second node that cannot start (no Redis, PGlite) fails only this run, not the server.
    if (nodes > 1) results.errors.push({ scenario: scenario.name, server: name, error: message });
    else results.unavailable[name] = message.split('\n')[0] ?? message;
    return;
  }
  const server = current;
  const sampler = new UsageSampler(server.pids, server.database?.name);
  try {
    const run = await scenario.run({
      server,
      options,
      sampler,
      log: (line) => log(`${prefix}: ${line}`),
    });
    results.runs.push({ ...run, at, ...(nodes > 1 ? { nodes } : {}) });
    for (const warning of run.warnings) log(`${prefix}: ⚠ ${warning}`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`${prefix}: failed: ${message}\n${server.logTail()}`);
    results.errors.push({ scenario: scenario.name, server: name, error: message });
  } finally {
    sampler.stop();
    current = null;
    await server.stop();
  }
  writeResults();
}

function machine() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    ramGB: os.totalmem() / 1024 ** 3,
    node: process.versions.node,
    kernel: os.release(),
  };
}

/** Read-only: which commit was measured, and whether the server's sources had local edits. */
function revision(): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync(
      'git',
      ['--no-optional-locks', 'status', '--porcelain', '--', 'apps/server', 'packages'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      },
    ).trim();
    return `${head}${dirty ? ' + uncommitted changes in apps/server or packages' : ''}`;
  } catch {
    return null; // Not a git checkout.
  }
}

async function pickDatabase(options: BenchOptions): Promise<DatabaseKind> {
  if (options.db !== 'auto') return options.db;
  return (await postgresAnswers()) ? 'postgres' : 'pglite';
}

async function main() {
  let options: BenchOptions | null;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
  if (!options) {
    console.log(USAGE);
    return;
  }
  // The load generator encodes its updates itself: make sure they are what Yjs would send.
  checkAppendUpdates();
  previous = readLatest();
  if (options.reportOnly) {
    results = previous;
    previous = null;
    writeResults();
    log('re-rendered bench/RESULTS.md from bench/results/latest.json');
    return;
  }
  reapStaleChildren();
  const database = options.servers.includes('ours') ? await pickDatabase(options) : null;
  results = {
    startedAt: new Date().toISOString(),
    finishedAt: null,
    command:
      `npx -y pnpm@12.4.2 --filter @uccn/bench bench ${process.argv.slice(2).join(' ')}`.trim(),
    machine: machine(),
    options,
    revision: revision(),
    oursDatabase: database,
    unavailable: {},
    runs: [],
    errors: [],
    aborted: null,
  };
  const deadline = setTimeout(
    () => void abort(`--max-minutes ${options.maxMinutes} reached`, 3),
    options.maxMinutes * 60_000,
  );
  log(
    `servers ${options.servers.join(', ')}; scenarios ${options.scenarios.join(', ')}${options.quick ? ' (quick)' : ''}${database ? `; ours on ${database}` : ''}`,
  );

  for (const scenario of SCENARIOS.filter((s) => options.scenarios.includes(s.name))) {
    const at = new Date().toISOString();
    for (const name of options.servers) {
      const counts = scenario.nodeCounts?.(name, options) ?? [name === 'ours' ? options.nodes : 1];
      for (const nodes of counts) {
        if (results.unavailable[name]) continue;
        await measure(scenario, name, nodes, database ?? 'pglite', at);
      }
    }
  }
  if (results.unavailable.ours) results.oursDatabase = null;
  results.finishedAt = new Date().toISOString();
  clearTimeout(deadline);
  writeResults();
  log(
    `wrote ${path.relative(repoRoot, path.join(benchDir, 'RESULTS.md'))} and bench/results/latest.json`,
  );
}

process.on('exit', killAllChildren);
process.on('SIGINT', () => void abort('interrupted (SIGINT)', 130));
process.on('SIGTERM', () => void abort('terminated (SIGTERM)', 143));
main().catch((error: unknown) => {
  console.error(error);
  void abort(`error: ${error instanceof Error ? error.message : String(error)}`, 1);
});
