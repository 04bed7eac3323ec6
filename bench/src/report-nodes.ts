// The two-nodes section of RESULTS.md: ours on one node against ours on two, per workload.
import { int, markdownTable, mb, ms, pct } from './markdown';
import type { Distribution, UsageWindow } from './metrics';
import type { EditingPart, ScenarioRun } from './scenarios/types';

type Percentile = 'p50' | 'p95' | 'p99';
const PERCENTILES: Percentile[] = ['p50', 'p95', 'p99'];

const signed = (value: number) => `${value >= 0 ? '+' : '−'}${ms(Math.abs(value))}`;
const cell = (value: number | null | undefined, format: (v: number) => string) =>
  value == null ? '–' : format(value);

/** Added latency (two − one, ms) and its ratio, or dashes when either side is missing. */
function added(one: number | null | undefined, two: number | null | undefined): [string, string] {
  if (one == null || two == null) return ['–', '–'];
  return [signed(two - one), one > 0 ? `${(two / one).toFixed(2)}×` : '–'];
}

function latencyRows(one: EditingPart, two: EditingPart): string[][] {
  const rows: string[][] = [];
  const line = (label: string, a: Distribution | undefined, b: Distribution | undefined) => {
    for (const p of PERCENTILES) {
      const [delta, ratio] = added(a?.[p], b?.[p]);
      rows.push([`${label} ${p} (ms)`, cell(a?.[p], ms), cell(b?.[p], ms), delta, ratio]);
    }
  };
  line('fan-out latency', one.edits.latencyMs, two.edits.latencyMs);
  // Against the one-node latency of every edit: what crossing a node adds to an edit.
  line('cross-node edits only:', one.edits.latencyMs, two.edits.crossNodeLatencyMs);
  return rows;
}

function usageRows(one: UsageWindow, two: UsageWindow): string[][] {
  const rows: string[][] = [
    [
      'server CPU, all nodes (% of a core)',
      cell(one.serverCpuPct, pct),
      cell(two.serverCpuPct, pct),
    ],
    ['+ Postgres backends CPU', cell(one.databaseCpuPct, pct), cell(two.databaseCpuPct, pct)],
    [
      'server RSS max, all nodes (MB)',
      cell(one.serverRssMaxBytes, mb),
      cell(two.serverRssMaxBytes, mb),
    ],
  ];
  for (const [i, node] of (two.nodes ?? []).entries()) {
    rows.push(
      [
        `node ${i + 1} CPU (% of a core)`,
        i === 0 ? cell(one.serverCpuPct, pct) : '–',
        cell(node.cpuPct, pct),
      ],
      [
        `node ${i + 1} RSS max (MB)`,
        i === 0 ? cell(one.serverRssMaxBytes, mb) : '–',
        cell(node.rssMaxBytes, mb),
      ],
    );
  }
  rows.push(
    ['load generator CPU', pct(one.loadCpuPct), pct(two.loadCpuPct)],
    ['other processes CPU (noise)', pct(one.otherCpuPct), pct(two.otherCpuPct)],
  );
  return rows.map((row) => [...row, '', '']);
}

/** Latency added by the second node, per workload, plus CPU and RSS per node. */
export function twoNodesSection(runs: ScenarioRun[]): string {
  const one = runs.find((run) => (run.nodes ?? 1) === 1 && run.parts);
  const two = runs.find((run) => (run.nodes ?? 1) > 1 && run.parts);
  if (!one || !two) {
    return `Only ${one ? 'the one-node' : two ? 'the two-node' : 'no'} run finished; nothing to compare.`;
  }
  const nodes = two.nodes ?? 2;
  const out: string[] = [];
  const summary: string[][] = [];
  for (const part of one.parts ?? []) {
    const other = two.parts?.find((p) => p.workload === part.workload);
    if (!other) continue;
    for (const p of PERCENTILES) {
      const all = added(part.edits.latencyMs[p], other.edits.latencyMs[p]);
      const cross = added(part.edits.latencyMs[p], other.edits.crossNodeLatencyMs?.[p]);
      summary.push([
        `${part.workload} ${p}`,
        cell(part.edits.latencyMs[p], ms),
        cell(other.edits.latencyMs[p], ms),
        ...all,
        cell(other.edits.crossNodeLatencyMs?.[p], ms),
        ...cross,
      ]);
    }
  }
  out.push(
    `**Cross-node latency added** (${nodes} nodes − 1 node, ms; ratio = ${nodes} nodes / 1 node). "cross-node" counts only edits whose writer and probe sat on different nodes.`,
    '',
    markdownTable(
      [
        'latency',
        '1 node',
        `${nodes} nodes, all`,
        'added',
        'ratio',
        `${nodes} nodes, cross-node`,
        'added',
        'ratio',
      ],
      summary,
    ),
    '',
  );
  for (const part of one.parts ?? []) {
    const other = two.parts?.find((p) => p.workload === part.workload);
    if (!other) continue;
    const rows = [
      ['connections', int(part.connect.connected), int(other.connect.connected), '', ''],
      ['edits sent /s', int(part.edits.achievedRate), int(other.edits.achievedRate), '', ''],
      [
        'delivered / expected',
        cell(part.edits.deliveredRatio === null ? null : part.edits.deliveredRatio * 100, pct),
        cell(other.edits.deliveredRatio === null ? null : other.edits.deliveredRatio * 100, pct),
        '',
        '',
      ],
      ...latencyRows(part, other),
      ['cross-node latency samples', '–', cell(other.edits.crossNodeLatencyMs?.count, int), '', ''],
      ...usageRows(part.edits.usage, other.edits.usage),
    ];
    out.push(
      `**${part.workload}**`,
      '',
      markdownTable(['metric', '1 node', `${nodes} nodes`, 'added', 'ratio'], rows),
      '',
    );
  }
  return out.join('\n');
}
