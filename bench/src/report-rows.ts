// The rows of the report's tables: what each metric reads from a run, its format, and the ratio
// of ours to the better peer.
import { int, kb, mb, ms, pct } from './markdown';
import type { UsageWindow } from './metrics';
import { EVERY_STEP_PASSED, type ScenarioRun } from './scenarios/types';
import type { ServerName } from './types';

type Better = 'lower' | 'higher';

/** One line of a scenario table: how to read the value from a run, and which way is better. */
export interface Row {
  label: string;
  better?: Better;
  value: (run: ScenarioRun) => number | null | undefined;
  format: (value: number) => string;
  /** Show the ours / best-peer ratio for this row in the summary. */
  summary?: string;
  /** No ratio when the better peer is below this (dividing by a near-zero number means nothing). */
  floor?: number;
  /** Prefix of a value that is only a bound (e.g. "≥" when saturation never failed). */
  bound?: (run: ScenarioRun) => string;
}

const serverSideCpu = (usage: UsageWindow | undefined) =>
  usage?.serverCpuPct == null ? null : usage.serverCpuPct + (usage.databaseCpuPct ?? 0);

function editRows(scenario: string): Row[] {
  const e = (run: ScenarioRun) => run.edits;
  return [
    { label: 'connections', value: (r) => r.connect.connected, format: int },
    { label: 'connect p50 (ms)', better: 'lower', value: (r) => r.connect.ms.p50, format: ms },
    { label: 'connect p99 (ms)', better: 'lower', value: (r) => r.connect.ms.p99, format: ms },
    { label: 'edits sent /s', value: (r) => e(r)?.achievedRate, format: int },
    {
      label: 'delivered / expected',
      better: 'higher',
      value: (r) =>
        (e(r)?.deliveredRatio ?? null) === null ? null : (e(r)?.deliveredRatio ?? 0) * 100,
      format: pct,
      summary: `${scenario}: delivered edits`,
    },
    {
      label: 'fan-out latency p50 (ms)',
      better: 'lower',
      value: (r) => e(r)?.latencyMs.p50,
      format: ms,
      summary: `${scenario}: latency p50`,
    },
    {
      label: 'fan-out latency p95 (ms)',
      better: 'lower',
      value: (r) => e(r)?.latencyMs.p95,
      format: ms,
    },
    {
      label: 'fan-out latency p99 (ms)',
      better: 'lower',
      value: (r) => e(r)?.latencyMs.p99,
      format: ms,
      summary: `${scenario}: latency p99`,
    },
    {
      label: 'fan-out latency max (ms)',
      better: 'lower',
      value: (r) => e(r)?.latencyMs.max,
      format: ms,
    },
    { label: 'latency samples', value: (r) => e(r)?.latencyMs.count, format: int },
    { label: 'frames received /s (all clients)', value: (r) => e(r)?.framesPerSecond, format: int },
    {
      label: 'server CPU (% of a core)',
      better: 'lower',
      value: (r) => e(r)?.usage.serverCpuPct,
      format: pct,
    },
    { label: '+ Postgres backends CPU', value: (r) => e(r)?.usage.databaseCpuPct, format: pct },
    {
      label: 'server-side CPU total',
      better: 'lower',
      value: (r) => serverSideCpu(e(r)?.usage),
      format: pct,
      summary: `${scenario}: server-side CPU`,
    },
    {
      label: 'server RSS max (MB)',
      better: 'lower',
      value: (r) => e(r)?.usage.serverRssMaxBytes,
      format: mb,
    },
    { label: 'load generator CPU (avg / core)', value: (r) => e(r)?.usage.loadCpuPct, format: pct },
    {
      label: 'load generator CPU (peak 0.5 s)',
      value: (r) => e(r)?.usage.loadCpuPeakPct,
      format: pct,
    },
    {
      label: 'load generator loop delay p99 (ms)',
      value: (r) => e(r)?.usage.loopDelayP99Ms,
      format: ms,
    },
    { label: 'send lag p99 (ms)', value: (r) => e(r)?.sendLagP99Ms, format: ms },
    { label: 'other processes CPU (noise)', value: (r) => e(r)?.usage.otherCpuPct, format: pct },
    {
      label: 'saved ack p50 (ms, separate phase)',
      value: (r) => r.durableAck?.latencyMs.p50,
      format: ms,
    },
    {
      label: 'saved ack p99 (ms, separate phase)',
      value: (r) => r.durableAck?.latencyMs.p99,
      format: ms,
    },
    {
      label: 'saved acks / edits sent (separate phase)',
      value: (r) => (r.durableAck?.sent ? (r.durableAck.acked / r.durableAck.sent) * 100 : null),
      format: pct,
    },
    {
      label: 'fan-out latency p99 in that phase (ms)',
      value: (r) => r.durableAck?.phase.latencyMs.p99,
      format: ms,
    },
  ];
}

const connectionRows: Row[] = [
  { label: 'connected', value: (r) => r.connect.connected, format: int },
  { label: 'failed', value: (r) => r.connect.failed, format: int },
  {
    label: 'connect p50 (ms)',
    better: 'lower',
    value: (r) => r.connect.ms.p50,
    format: ms,
    summary: 'connections: connect p50',
  },
  {
    label: 'connect p99 (ms)',
    better: 'lower',
    value: (r) => r.connect.ms.p99,
    format: ms,
    summary: 'connections: connect p99',
  },
  { label: 'all connected in (s)', value: (r) => r.connect.seconds, format: (v) => v.toFixed(2) },
  { label: 'server CPU while connecting', value: (r) => r.connect.usage.serverCpuPct, format: pct },
  { label: 'RSS before (MB)', value: (r) => r.idle?.rssBeforeBytes, format: mb },
  { label: 'RSS after (MB)', value: (r) => r.idle?.rssAfterBytes, format: mb },
  {
    label: 'memory per idle connection (KB)',
    better: 'lower',
    value: (r) => r.idle?.perConnectionKB,
    format: kb,
    summary: 'connections: memory per connection',
  },
  {
    label: 'server CPU while idle',
    better: 'lower',
    value: (r) => (r.idle ? serverSideCpu(r.idle.idle) : null),
    format: pct,
    floor: 1,
    summary: 'connections: idle CPU',
  },
  {
    label: 'load generator CPU while connecting',
    value: (r) => r.connect.usage.loadCpuPct,
    format: pct,
  },
];

const saturationRows: Row[] = [
  { label: 'connections', value: (r) => r.connect.connected, format: int },
  {
    label: 'highest sustained edits/s',
    better: 'higher',
    value: (r) => r.saturation?.sustainedRate ?? null,
    format: int,
    bound: (r) =>
      r.saturation?.stopReason === EVERY_STEP_PASSED ||
      r.saturation?.loadLimited ||
      r.saturation?.inconclusive
        ? '≥ '
        : '',
    summary: 'saturation: sustained edits/s',
  },
];

const capacityRows: Row[] = [
  {
    label: 'connections at the last step',
    value: (r) => r.capacity?.steps.at(-1)?.connections,
    format: int,
  },
  {
    label: 'edits/s of each client',
    value: (r) => r.capacity?.ratePerClient,
    format: (v) => v.toFixed(2),
  },
  {
    label: 'connections held (p95 under the limit)',
    better: 'higher',
    value: (r) => r.capacity?.sustainedConnections ?? null,
    format: int,
    bound: (r) =>
      r.capacity?.stopReason === EVERY_STEP_PASSED ||
      r.capacity?.loadLimited ||
      r.capacity?.inconclusive
        ? '≥ '
        : '',
    summary: 'capacity: connections held',
  },
  {
    label: 'p95 at the highest passing step (ms)',
    better: 'lower',
    value: (r) => r.capacity?.steps.filter((step) => step.passed).at(-1)?.latencyMs.p95,
    format: ms,
  },
];

/** The rows of each scenario's table, by scenario name. */
export const ROWS: Record<string, Row[]> = {
  'many-docs': editRows('many-docs'),
  'one-doc-100': editRows('one-doc-100'),
  'connections-1000': connectionRows,
  saturation: saturationRows,
  capacity: capacityRows,
};

/** ours / the better peer, for a row where lower or higher is better. */
export function ratio(row: Row, runs: Map<ServerName, ScenarioRun>): number | null {
  const oursRun = runs.get('ours');
  const ours = oursRun ? row.value(oursRun) : null;
  if (ours == null || !row.better) return null;
  const peers = (['hocuspocus', 'yws'] as const)
    .map((name) => runs.get(name))
    .map((run) => (run ? row.value(run) : null))
    .filter((value): value is number => value != null);
  if (peers.length === 0) return null;
  const best = row.better === 'lower' ? Math.min(...peers) : Math.max(...peers);
  if (row.floor !== undefined && best < row.floor) return null;
  return best === 0 ? null : ours / best;
}
