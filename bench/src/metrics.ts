// Percentiles, growable sample buffers and sampling of the server's memory and CPU over time.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { machineBusySeconds, postgresBackends, processCpuSeconds, processRssBytes } from './proc';

/** Appends numbers without boxing them; sorted once when percentiles are asked for. */
export class Samples {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number) {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** Sorted copy of the samples. */
  sorted(): Float64Array {
    return this.data.slice(0, this.length).sort();
  }

  summary(): Distribution {
    return distribution(this.sorted());
  }
}

export interface Distribution {
  count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  mean: number | null;
}

/** Nearest-rank percentile of sorted values; null when there are none. */
export function percentile(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? null;
}

export function distribution(sorted: Float64Array): Distribution {
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] ?? null) : null,
    mean: sorted.length ? sum / sorted.length : null,
  };
}

/** CPU seconds of a set of processes that come and go, counting only time spent while watched. */
class ProcessGroupCpu {
  private readonly last = new Map<number, number>();
  private total = 0;
  private first = true;

  constructor(private readonly list: () => number[]) {}

  read(): number {
    const seen = new Set<number>();
    for (const pid of this.list()) {
      const cpu = processCpuSeconds(pid);
      if (cpu === null) continue;
      seen.add(pid);
      const before = this.last.get(pid);
      // A process born after the first read counts from its start.
      this.total += before === undefined ? (this.first ? 0 : cpu) : cpu - before;
      this.last.set(pid, cpu);
    }
    for (const pid of this.last.keys()) if (!seen.has(pid)) this.last.delete(pid);
    this.first = false;
    return this.total;
  }
}

export interface UsageWindow {
  /** Wall-clock seconds of the window. */
  seconds: number;
  /** Server CPU as a percentage of one core. */
  serverCpuPct: number | null;
  /** Extra server-side CPU (Postgres backends), percentage of one core; null when not sampled. */
  databaseCpuPct: number | null;
  /** Load generator CPU (this process), percentage of one core. */
  loadCpuPct: number;
  /** Highest load-generator CPU over any sampling interval in the window. */
  loadCpuPeakPct: number;
  serverRssMaxBytes: number | null;
  serverRssEndBytes: number | null;
  /** Event-loop delay of the load generator, p99 in ms. */
  loopDelayP99Ms: number;
  /** CPU used by everything else on the machine (other people's work), % of one core. */
  otherCpuPct: number;
  /** A server on several nodes: each node's CPU (% of a core) and peak RSS; the totals above sum them. */
  nodes?: NodeUsage[];
}

export interface NodeUsage {
  cpuPct: number | null;
  rssMaxBytes: number | null;
}

const LOOP_RESOLUTION_MS = 10;

/** Sum of the values, null when any is missing (a node has gone). */
function sumOrNull(values: (number | null)[]): number | null {
  let sum = 0;
  for (const value of values) {
    if (value === null) return null;
    sum += value;
  }
  return sum;
}

/** Above this share of one core the load generator may be what limits the numbers. */
export const LOAD_CPU_WARN_PCT = 85;

/** Above this, other work on the machine competes with the server and the load generator. */
export const OTHER_CPU_WARN_PCT = 25;

interface Snapshot {
  at: number;
  serverCpu: number | null;
  /** Per node, when the server has several. */
  nodeCpu: (number | null)[];
  nodeRss: (number | null)[];
  databaseCpu: number | null;
  loadCpu: number;
  machineCpu: number;
  rss: number | null;
}

/**
 * Samples the server's RSS and CPU and the load generator's CPU every `intervalMs`; `window()`
 * returns the usage since the last `mark()`.
 */
export class UsageSampler {
  private readonly timer: NodeJS.Timeout;
  private readonly loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  private readonly database: ProcessGroupCpu | null;
  private start: Snapshot;
  private last: Snapshot;
  private rssMax: number | null = null;
  private nodeRssMax: (number | null)[] = [];
  private loadPeak = 0;

  /** `serverPids`: every process of the server (one per node); CPU and RSS are summed over them. */
  constructor(
    private readonly serverPids: number[],
    databaseName: string | undefined,
    intervalMs = 500,
  ) {
    this.database = databaseName ? new ProcessGroupCpu(() => postgresBackends(databaseName)) : null;
    this.start = this.snapshot();
    this.last = this.start;
    this.loopDelay.enable();
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  private snapshot(): Snapshot {
    const own = process.cpuUsage();
    const nodeCpu = this.serverPids.map(processCpuSeconds);
    const nodeRss = this.serverPids.map(processRssBytes);
    return {
      at: performance.now(),
      serverCpu: sumOrNull(nodeCpu),
      nodeCpu,
      nodeRss,
      databaseCpu: this.database ? this.database.read() : null,
      loadCpu: (own.user + own.system) / 1e6,
      machineCpu: machineBusySeconds(),
      rss: sumOrNull(nodeRss),
    };
  }

  private tick() {
    const now = this.snapshot();
    const seconds = (now.at - this.last.at) / 1000;
    if (seconds > 0.2) {
      this.loadPeak = Math.max(this.loadPeak, ((now.loadCpu - this.last.loadCpu) / seconds) * 100);
    }
    if (now.rss !== null) this.rssMax = Math.max(this.rssMax ?? 0, now.rss);
    this.nodeRssMax = now.nodeRss.map((rss, i) => {
      const max = this.nodeRssMax[i] ?? null;
      return rss === null ? max : Math.max(max ?? 0, rss);
    });
    this.last = now;
  }

  /** Starts a new window. */
  mark() {
    this.start = this.snapshot();
    this.last = this.start;
    this.rssMax = this.start.rss;
    this.nodeRssMax = [...this.start.nodeRss];
    this.loadPeak = 0;
    this.loopDelay.reset();
  }

  /**
   * Waits (at most `maxMs`) for a second in which other processes on the machine use less than
   * `limitPct` of a core, so a phase does not start while someone else's build hogs the CPU.
   * Returns false when the machine never went quiet.
   */
  async waitForQuietMachine(limitPct: number, maxMs: number): Promise<boolean> {
    const deadline = performance.now() + maxMs;
    while (performance.now() < deadline) {
      const before = this.snapshot();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const after = this.snapshot();
      const seconds = (after.at - before.at) / 1000;
      const ours =
        (after.serverCpu ?? 0) -
        (before.serverCpu ?? 0) +
        ((after.databaseCpu ?? 0) - (before.databaseCpu ?? 0)) +
        (after.loadCpu - before.loadCpu);
      const other = ((after.machineCpu - before.machineCpu - ours) / seconds) * 100;
      if (other < limitPct) return true;
    }
    return false;
  }

  /** Current server RSS in bytes. */
  rss(): number | null {
    return sumOrNull(this.serverPids.map(processRssBytes));
  }

  /** Usage since the last mark(). */
  window(): UsageWindow {
    this.tick();
    const end = this.last;
    const seconds = Math.max(1e-3, (end.at - this.start.at) / 1000);
    const pct = (from: number | null, to: number | null) =>
      from === null || to === null ? null : ((to - from) / seconds) * 100;
    const serverCpuPct = pct(this.start.serverCpu, end.serverCpu);
    const databaseCpuPct = pct(this.start.databaseCpu, end.databaseCpu);
    const loadCpuPct = pct(this.start.loadCpu, end.loadCpu) ?? 0;
    const machineCpuPct = pct(this.start.machineCpu, end.machineCpu) ?? 0;
    return {
      seconds,
      serverCpuPct,
      databaseCpuPct,
      loadCpuPct,
      loadCpuPeakPct: this.loadPeak,
      serverRssMaxBytes: this.rssMax,
      serverRssEndBytes: end.rss,
      // The histogram records whole timer intervals; the delay is what exceeds the resolution.
      loopDelayP99Ms: Math.max(0, this.loopDelay.percentile(99) / 1e6 - LOOP_RESOLUTION_MS),
      otherCpuPct: Math.max(
        0,
        machineCpuPct - (serverCpuPct ?? 0) - (databaseCpuPct ?? 0) - loadCpuPct,
      ),
      ...(this.serverPids.length > 1
        ? {
            nodes: this.serverPids.map((_, i) => ({
              cpuPct: pct(this.start.nodeCpu[i] ?? null, end.nodeCpu[i] ?? null),
              rssMaxBytes: this.nodeRssMax[i] ?? null,
            })),
          }
        : {}),
    };
  }

  stop() {
    clearInterval(this.timer);
    this.loopDelay.disable();
  }
}
