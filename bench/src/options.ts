// Benchmark options: the full-size defaults, the --quick scale-down, and the flags that override them.
import { parseArgs } from 'node:util';
import { type DatabaseKind, SERVER_NAMES, type ServerName } from './types';

export const SCENARIO_NAMES = [
  'many-docs',
  'one-doc-100',
  'connections-1000',
  'saturation',
  'two-nodes',
  'capacity',
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** What runs without --scenario: the new, longer scenarios are asked for by name (or `all`). */
export const DEFAULT_SCENARIOS: ScenarioName[] = [
  'many-docs',
  'one-doc-100',
  'connections-1000',
  'saturation',
];

export interface BenchOptions {
  servers: ServerName[];
  scenarios: ScenarioName[];
  quick: boolean;
  /** Only re-render RESULTS.md from results/latest.json. */
  reportOnly: boolean;
  seed: number;
  /** Nodes of ours sharing one Postgres and one Redis; clients of a document alternate between them. */
  nodes: number;
  /** Database of our server; 'auto' picks postgres when 127.0.0.1:5432 answers. */
  db: DatabaseKind | 'auto';
  /** Whole-run limit; the harness stops everything and writes what it has. */
  maxMinutes: number;
  connectConcurrency: number;
  graceMs: number;
  /** Before each measured phase, wait up to this long for other processes to leave the CPU. */
  quietWaitSeconds: number;
  manyDocs: {
    docs: number;
    clientsPerDoc: number;
    rate: number;
    seconds: number;
    probesPerDoc: number;
    /** Ours only: a separate phase timing saved acks (`?acks=1`); 0 skips it. */
    durableAckSeconds: number;
  };
  oneDoc: { clients: number; rate: number; seconds: number; probes: number };
  connections: { connections: number; docs: number; idleSeconds: number };
  saturation: {
    connections: number;
    docs: number;
    /** Total edits/s of each step. */
    steps: number[];
    stepSeconds: number;
    probesPerDoc: number;
    p95LimitMs: number;
    deliveredMin: number;
  };
  /** Connections one node holds: steps of connections, each client at a fixed rate. */
  capacity: {
    docs: number;
    /** Total connections of each step. */
    steps: number[];
    /** Edits per second of every client. */
    ratePerClient: number;
    stepSeconds: number;
    probesPerDoc: number;
  };
}

const FULL: Omit<
  BenchOptions,
  'servers' | 'scenarios' | 'quick' | 'reportOnly' | 'seed' | 'db' | 'nodes'
> = {
  maxMinutes: 40,
  connectConcurrency: 20,
  graceMs: 3000,
  quietWaitSeconds: 15,
  manyDocs: {
    docs: 200,
    clientsPerDoc: 3,
    rate: 2,
    seconds: 20,
    probesPerDoc: 1,
    durableAckSeconds: 10,
  },
  oneDoc: { clients: 100, rate: 1, seconds: 20, probes: 10 },
  connections: { connections: 1000, docs: 50, idleSeconds: 10 },
  saturation: {
    connections: 1000,
    docs: 50,
    // Steps of 500 where a 2-core machine saturates (2,000–4,000/s), so a server that holds 2,500
    // is not reported as holding 2,000 like one that barely holds 2,000.
    steps: [500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 5000, 6000, 8000, 10000],
    stepSeconds: 10,
    probesPerDoc: 2,
    p95LimitMs: 50,
    deliveredMin: 0.99,
  },
  capacity: {
    docs: 50,
    // Past 2,000 all three servers still passed on a 2-core machine (2026-11): go on until one breaks.
    steps: [250, 500, 1000, 1500, 2000, 3000, 4000, 5000, 6000, 8000],
    ratePerClient: 0.2,
    stepSeconds: 10,
    probesPerDoc: 2,
  },
};

const QUICK: typeof FULL = {
  ...FULL,
  maxMinutes: 10,
  graceMs: 2000,
  quietWaitSeconds: 8,
  manyDocs: { ...FULL.manyDocs, docs: 50, seconds: 6, durableAckSeconds: 4 },
  oneDoc: { ...FULL.oneDoc, seconds: 6 },
  connections: { connections: 300, docs: 15, idleSeconds: 4 },
  saturation: {
    ...FULL.saturation,
    connections: 300,
    docs: 15,
    steps: [250, 500, 1000, 1500, 2000, 3000, 4000],
    stepSeconds: 4,
  },
  // A step of 5 s is one whole period of a client at 0.2 edits/s: every client edits once.
  capacity: { ...FULL.capacity, docs: 15, steps: [100, 250, 500, 750, 1000], stepSeconds: 5 },
};

export const USAGE = `Usage: pnpm --filter @uccn/bench bench [flags]

  --servers ours,hocuspocus,yws   servers to measure, one at a time (default: all three)
  --scenario a,b                  many-docs, one-doc-100, connections-1000, saturation (the default),
                                  two-nodes, capacity (by name only), or all
  --nodes N                       nodes of ours on one Postgres and Redis (default 1; needs Postgres)
  --quick                         scaled-down sizes, the whole run in ~3 minutes
  --db auto|pglite|postgres       database of ours (auto: postgres when 127.0.0.1:5432 answers)
  --seed N                        schedule and client ids (default 1)
  --report-only                   re-render RESULTS.md from results/latest.json, run nothing
  --max-minutes N                 stop everything after N minutes and report what finished
  --quiet-wait-seconds N          before each phase, wait up to N s for other processes to calm down
  --seconds N                     duration of the many-docs and one-doc-100 edit phases
  --many-docs-docs N  --many-docs-clients N  --many-docs-rate N   (edits/s per client)
  --durable-ack-seconds N         ours only: extra many-docs phase timing saved acks (0: skip)
  --one-doc-clients N  --one-doc-rate N
  --connections N  --connections-docs N  --idle-seconds N
  --saturation-connections N  --saturation-docs N  --step-seconds N
  --saturation-steps 500,1000,…   total edits/s per step
  --p95-limit-ms N                saturation and capacity stop when p95 fan-out latency passes this (50)
  --capacity-steps 250,500,…      connections per capacity step (over --capacity-docs N documents)
  --capacity-rate N               edits/s of every client in capacity (0.2)
`;

function list<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  what: string,
): T[] {
  if (!value || value === 'all') return [...allowed];
  const items = value.split(',').map((item) => item.trim());
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) {
      throw new Error(`unknown ${what} "${item}" (one of ${allowed.join(', ')})`);
    }
  }
  return items as T[];
}

function number(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} must be a number ≥ 0`);
  return parsed;
}

const NUMERIC_FLAGS = [
  'seed',
  'max-minutes',
  'quiet-wait-seconds',
  'seconds',
  'many-docs-docs',
  'many-docs-clients',
  'many-docs-rate',
  'durable-ack-seconds',
  'one-doc-clients',
  'one-doc-rate',
  'connections',
  'connections-docs',
  'idle-seconds',
  'saturation-connections',
  'saturation-docs',
  'step-seconds',
  'p95-limit-ms',
  'nodes',
  'capacity-docs',
  'capacity-rate',
] as const;

/** Parses the command line; throws with a message on a bad flag. Returns null for --help. */
export function parseOptions(argv: string[]): BenchOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      help: { type: 'boolean' },
      quick: { type: 'boolean' },
      'report-only': { type: 'boolean' },
      servers: { type: 'string' },
      scenario: { type: 'string' },
      scenarios: { type: 'string' },
      db: { type: 'string' },
      'saturation-steps': { type: 'string' },
      'capacity-steps': { type: 'string' },
      ...Object.fromEntries(NUMERIC_FLAGS.map((flag) => [flag, { type: 'string' as const }])),
    },
    strict: true,
  });
  if (values.help) return null;
  const flags = values as Record<string, string | boolean | undefined>;
  const n = (name: (typeof NUMERIC_FLAGS)[number]) =>
    number(flags[name] as string | undefined, name);
  const base = values.quick ? QUICK : FULL;
  const db = (values.db ?? 'auto') as string;
  if (!['auto', 'pglite', 'postgres'].includes(db))
    throw new Error('--db must be auto, pglite or postgres');
  const steps = values['saturation-steps']
    ?.split(',')
    .map((step, i) => number(step, `saturation-steps[${i}]`) ?? 0);
  const capacitySteps = values['capacity-steps']
    ?.split(',')
    .map((step, i) => number(step, `capacity-steps[${i}]`) ?? 0);
  const scenarioFlag = values.scenario ?? values.scenarios;
  return {
    ...base,
    servers: list(values.servers, SERVER_NAMES, 'server'),
    scenarios: scenarioFlag ? list(scenarioFlag, SCENARIO_NAMES, 'scenario') : DEFAULT_SCENARIOS,
    quick: Boolean(values.quick),
    reportOnly: Boolean(values['report-only']),
    seed: n('seed') ?? 1,
    nodes: Math.max(1, Math.round(n('nodes') ?? 1)),
    db: db as BenchOptions['db'],
    maxMinutes: n('max-minutes') ?? base.maxMinutes,
    quietWaitSeconds: n('quiet-wait-seconds') ?? base.quietWaitSeconds,
    manyDocs: {
      ...base.manyDocs,
      docs: n('many-docs-docs') ?? base.manyDocs.docs,
      clientsPerDoc: n('many-docs-clients') ?? base.manyDocs.clientsPerDoc,
      rate: n('many-docs-rate') ?? base.manyDocs.rate,
      seconds: n('seconds') ?? base.manyDocs.seconds,
      durableAckSeconds: n('durable-ack-seconds') ?? base.manyDocs.durableAckSeconds,
    },
    oneDoc: {
      ...base.oneDoc,
      clients: n('one-doc-clients') ?? base.oneDoc.clients,
      rate: n('one-doc-rate') ?? base.oneDoc.rate,
      seconds: n('seconds') ?? base.oneDoc.seconds,
    },
    connections: {
      connections: n('connections') ?? base.connections.connections,
      docs: n('connections-docs') ?? base.connections.docs,
      idleSeconds: n('idle-seconds') ?? base.connections.idleSeconds,
    },
    saturation: {
      ...base.saturation,
      connections: n('saturation-connections') ?? base.saturation.connections,
      docs: n('saturation-docs') ?? base.saturation.docs,
      stepSeconds: n('step-seconds') ?? base.saturation.stepSeconds,
      p95LimitMs: n('p95-limit-ms') ?? base.saturation.p95LimitMs,
      steps: steps ?? base.saturation.steps,
    },
    capacity: {
      ...base.capacity,
      docs: n('capacity-docs') ?? base.capacity.docs,
      ratePerClient: n('capacity-rate') ?? base.capacity.ratePerClient,
      stepSeconds: n('step-seconds') ?? base.capacity.stepSeconds,
      steps: capacitySteps ?? base.capacity.steps,
    },
  };
}
