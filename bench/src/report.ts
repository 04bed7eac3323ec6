// Turns the results of a run into bench/RESULTS.md (tables, ratios, warnings) and raw JSON.
import { markdownTable, ratioText } from './markdown';
import { OTHER_CPU_WARN_PCT, type UsageWindow } from './metrics';
import type { BenchOptions } from './options';
import { twoNodesSection } from './report-nodes';
import { ROWS, type Row, ratio } from './report-rows';
import { stepsSection } from './report-steps';
import { sourceFor } from './results';
import type { Scenario, ScenarioRun } from './scenarios/types';
import { type DatabaseKind, SERVER_NAMES, type ServerName } from './types';

export interface Machine {
  cores: number;
  cpuModel: string;
  ramGB: number;
  node: string;
  kernel: string;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string | null;
  command: string;
  machine: Machine;
  options: BenchOptions;
  /** `git describe` of the checkout whose apps/server was measured, with -dirty for local edits. */
  revision: string | null;
  /** Database ours ran on (null when ours was not measured). */
  oursDatabase: DatabaseKind | null;
  /** Servers that could not be measured, and why. */
  unavailable: Partial<Record<ServerName, string>>;
  runs: ScenarioRun[];
  /** (scenario, server) pairs that failed, with the error. */
  errors: { scenario: string; server: ServerName; error: string }[];
  aborted: string | null;
  /**
   * The runs the results come from, newest first, with the scenarios each contributed
   * (results/latest.json keeps the latest run of every scenario).
   */
  sources?: RunSource[];
}

/** A run that contributed scenarios to the merged results. */
export interface RunSource {
  startedAt: string;
  finishedAt: string | null;
  command: string;
  revision: string | null;
  oursDatabase: DatabaseKind | null;
  options: BenchOptions;
  scenarios: string[];
}

function table(rows: Row[], servers: ServerName[], runs: Map<ServerName, ScenarioRun>): string {
  const withRatio = servers.includes('ours') && servers.length > 1;
  const header = ['metric', ...servers, ...(withRatio ? ['ours / better peer'] : [])];
  const lines: string[][] = [];
  for (const row of rows) {
    const cells = servers.map((name) => {
      const run = runs.get(name);
      const value = run ? row.value(run) : null;
      return value == null || !run ? '–' : `${row.bound?.(run) ?? ''}${row.format(value)}`;
    });
    if (cells.every((cell) => cell === '–')) continue;
    lines.push([row.label, ...cells, ...(withRatio ? [ratioText(ratio(row, runs))] : [])]);
  }
  return markdownTable(header, lines);
}

/** Other processes' CPU over every measured window of the run: mean and max, % of a core. */
function machineNoise(runs: ScenarioRun[]): { mean: number; max: number } | null {
  const windows: UsageWindow[] = runs.flatMap((run) => [
    run.connect.usage,
    ...(run.edits ? [run.edits.usage] : []),
    ...(run.durableAck ? [run.durableAck.phase.usage] : []),
    ...(run.idle ? [run.idle.idle] : []),
    ...(run.saturation?.steps.map((step) => step.usage) ?? []),
    ...(run.capacity?.steps.map((step) => step.usage) ?? []),
    ...(run.parts?.map((part) => part.edits.usage) ?? []),
  ]);
  if (windows.length === 0) return null;
  const seconds = windows.reduce((sum, w) => sum + w.seconds, 0);
  const mean = windows.reduce((sum, w) => sum + w.otherCpuPct * w.seconds, 0) / seconds;
  return { mean, max: Math.max(...windows.map((w) => w.otherCpuPct)) };
}

/** The Markdown report. */
export function renderReport(results: BenchResults, scenarios: Scenario[]): string {
  const { machine, options } = results;
  const servers = SERVER_NAMES.filter((name) => results.runs.some((run) => run.server === name));
  const byScenario = new Map<string, Map<ServerName, ScenarioRun>>();
  for (const run of results.runs) {
    if (run.scenario === 'two-nodes') continue; // several runs of ours: its own section
    const runs = byScenario.get(run.scenario) ?? new Map<ServerName, ScenarioRun>();
    runs.set(run.server, run);
    byScenario.set(run.scenario, runs);
  }
  const out: string[] = [
    '# UCCN Collab benchmark',
    '',
    `- Date: ${results.startedAt}${results.finishedAt ? ` → ${results.finishedAt}` : ''}${(results.sources?.length ?? 0) > 1 ? ' (this run; every scenario section says when it was measured)' : ''}`,
    `- Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.ramGB.toFixed(1)} GB RAM, Node ${machine.node}, Linux ${machine.kernel}`,
    `- Command: \`${results.command}\``,
    ...(results.sources ?? [])
      .slice(1)
      .map(
        (source) =>
          `- Kept from an earlier run (${source.startedAt}, \`${source.command}\`, checkout ${source.revision ?? 'unknown'}): ${source.scenarios.join(', ')}`,
      ),
    `- Checkout: ${results.revision ?? 'unknown'}`,
    `- Mode: ${options.quick ? '**quick** (scaled down)' : 'full'}, seed ${options.seed}`,
    `- Servers: ${servers.join(', ') || 'none'}; one at a time, each on a fresh process (and, for ours, a fresh database) per scenario.`,
    `- ours: ${results.oursDatabase ? `UCCN server on **${results.oursDatabase}**, saving every edit durably; the peers save nothing.` : 'not measured.'}`,
    '- hocuspocus: @hocuspocus/server 4.7.0, no extensions; yws: @y/websocket-server 0.1.1, no persistence.',
  ];
  const noise = machineNoise(results.runs);
  if (noise) {
    out.push(
      `- Machine noise: other processes used ${noise.mean.toFixed(0)}% of a core on average during the measured phases (max ${noise.max.toFixed(0)}%)${noise.mean > OTHER_CPU_WARN_PCT ? ' — **the machine was shared and busy: CPU-bound numbers (saturation, latency tails) are pessimistic and noisy**' : ''}.`,
    );
  }
  for (const [name, why] of Object.entries(results.unavailable)) {
    out.push(`- **${name} not measured**: ${why}`);
  }
  if (results.aborted) out.push(`- **Run aborted**: ${results.aborted}`);
  for (const error of results.errors) {
    out.push(`- **${error.scenario} on ${error.server} failed**: ${error.error.split('\n')[0]}`);
  }

  if (servers.includes('ours') && servers.length > 1) {
    out.push(
      '',
      '## Ratios: ours / better peer',
      '',
      'Below 1 is better for latency, memory and CPU; above 1 is better for delivered edits, sustained rate and connections held.',
      '',
    );
    const summary: string[][] = [];
    for (const [scenario, rows] of Object.entries(ROWS)) {
      const runs = byScenario.get(scenario);
      if (!runs) continue;
      for (const row of rows) {
        if (!row.summary) continue;
        const value = ratio(row, runs);
        const oursRun = runs.get('ours');
        const oursValue = oursRun ? row.value(oursRun) : null;
        const peerValues = (['hocuspocus', 'yws'] as const)
          .map((name) => [name, runs.get(name)] as const)
          .map(([name, run]) => [name, run ? row.value(run) : null] as const)
          .filter((entry): entry is readonly [(typeof entry)[0], number] => entry[1] != null);
        const best = peerValues.sort((a, b) =>
          row.better === 'lower' ? a[1] - b[1] : b[1] - a[1],
        )[0];
        const bestRun = best ? runs.get(best[0]) : undefined;
        const oursBound = oursRun ? (row.bound?.(oursRun) ?? '') : '';
        const bestBound = bestRun ? (row.bound?.(bestRun) ?? '') : '';
        summary.push([
          row.summary,
          oursValue == null ? '–' : `${oursBound}${row.format(oursValue)}`,
          best ? `${bestBound}${row.format(best[1])} (${best[0]})` : '–',
          `${ratioText(value)}${value !== null && (bestBound || oursBound) ? ` (a bound: see ${scenario})` : ''}`,
        ]);
      }
    }
    out.push(markdownTable(['measure', 'ours', 'better peer', 'ratio'], summary));
  }

  const generatorLimited = results.runs.flatMap((run) =>
    run.warnings
      .filter((warning) => /load generator/.test(warning))
      .map((warning) => `${run.scenario} / ${run.server}: ${warning}`),
  );
  const saturationLimited = results.runs
    .filter((run) => run.saturation?.loadLimited)
    .map(
      (run) =>
        `saturation / ${run.server}: stopped by the load generator (${run.saturation?.stopReason}); the sustained rate is a lower bound`,
    );
  out.push(
    '',
    '## Where the load generator was the bottleneck',
    '',
    ...(generatorLimited.length + saturationLimited.length === 0
      ? ['Nowhere: it stayed below 85% of a core and kept to the schedule in every measured phase.']
      : [...saturationLimited, ...generatorLimited].map((line) => `- ${line}`)),
  );

  for (const scenario of scenarios) {
    const all = results.runs.filter((run) => run.scenario === scenario.name);
    if (all.length === 0) continue;
    const source = sourceFor(results, scenario.name);
    const measured = all[0]?.at ?? source?.startedAt ?? results.startedAt;
    out.push(
      '',
      `## ${scenario.name}: ${scenario.title}`,
      '',
      `Measured ${measured}${source ? ` with \`${source.command}\`${source.options.quick ? ' (quick)' : ''}, ours on ${source.oursDatabase ?? '–'}` : ''}.`,
      '',
      scenario.describe({ ...options, ...source?.options }),
      '',
    );
    const multi = all.find((run) => (run.nodes ?? 1) > 1);
    if (multi && scenario.name !== 'two-nodes') {
      out.push(`ours ran on **${multi.nodes} nodes** (one Postgres, one Redis).`, '');
    }
    const runs = byScenario.get(scenario.name) ?? new Map<ServerName, ScenarioRun>();
    if (scenario.name === 'two-nodes') out.push(twoNodesSection(all));
    else out.push(table(ROWS[scenario.name] ?? [], servers, runs), '');
    if (scenario.name === 'saturation' || scenario.name === 'capacity') {
      out.push(stepsSection(scenario.name, servers, runs, machine.cores));
    }
    const warnings = all.flatMap((run) =>
      run.warnings.map(
        (warning) => `${run.server}${(run.nodes ?? 1) > 1 ? ` ×${run.nodes}` : ''}: ${warning}`,
      ),
    );
    if (warnings.length) out.push('Warnings:', '', ...warnings.map((w) => `- ⚠ ${w}`), '');
  }

  out.push(
    '',
    '## How it is measured',
    '',
    '- The load generator is one Node process (this machine has few cores: one for the server, one for the load). Each client only appends to its own run of text, so its updates (one Yjs Item each) are encoded directly — checked byte for byte against Yjs at start — and it never applies what it receives. Clients speak WebSocket through a minimal client of our own (`raw-socket.ts`) that reads only frame headers once a client is synced, unless it is a probe or waits for saved acks, so receiving costs the load generator little.',
    "- Each edit appends a 10-byte marker `#<8 hex id>;` to the client's Y.Text. Probe clients (1 per document in many-docs, 10 in one-doc-100, 2 per document in saturation) find the markers by scanning frame bytes (inserted text appears verbatim in Yjs v1 updates, even when a server merges updates); all other clients only count frames.",
    '- Fan-out latency = probe receipt time − writer send time, same process clock. Delivered / expected counts edits the probes received within the grace period after the phase (' +
      `${options.graceMs} ms` +
      ').',
    '- Server CPU and RSS come from /proc/<pid>/stat and /proc/<pid>/status, sampled every 0.5 s. For ours on Postgres, the CPU of the Postgres backends serving its database is added as "server-side CPU total". The load generator\'s CPU is process.cpuUsage(); above ~85% of a core it may be the bottleneck, and latencies include its event-loop delay.',
    '- Memory per idle connection = (RSS after connecting and 2 s of settling − RSS before) / connections; it includes the documents being loaded.',
    '- Hocuspocus runs with `timeout` raised to 30 min so idle benchmark sockets are not dropped (its provider would send awareness every ~15 s).',
    '- The peers run under bare `node` (entries in plain JS), like ours; nothing runs under tsx except the load generator.',
  );
  // Sections end with a blank line and start with one; biome wants one between them.
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
