// What a scenario gets to work with and what it reports.
import type { ConnectResult, EditPhaseResult } from '../load';
import {
  type Distribution,
  LOAD_CPU_WARN_PCT,
  OTHER_CPU_WARN_PCT,
  type UsageSampler,
  type UsageWindow,
} from '../metrics';
import type { BenchOptions, ScenarioName } from '../options';
import type { RunningServer, ServerName } from '../types';

export interface ScenarioContext {
  server: RunningServer;
  options: BenchOptions;
  sampler: UsageSampler;
  log: (line: string) => void;
}

export interface IdleResult {
  rssBeforeBytes: number | null;
  rssAfterBytes: number | null;
  /** (RSS after − RSS before) / connections, KB. */
  perConnectionKB: number | null;
  idle: UsageWindow;
}

export interface SaturationStep extends EditPhaseResult {
  passed: boolean;
  /** Why the step failed, when it did. */
  failure?: string;
  /** The load generator, not the server, limited this step. */
  loadLimited: boolean;
  /** 2 when the step is the re-run of a failed first attempt. */
  attempt: number;
  /** Capacity only: connections open during the step. */
  connections?: number;
}

/** stopReason of a saturation run whose every step passed: the sustained rate is a lower bound. */
export const EVERY_STEP_PASSED = 'every step passed (the highest step is a lower bound)';

export interface SaturationResult {
  steps: SaturationStep[];
  /** Highest total edits/s that passed; null when the first step failed. */
  sustainedRate: number | null;
  stopReason: string;
  /** The run stopped because of the load generator: the sustained rate is a lower bound. */
  loadLimited: boolean;
  /** The failing step only ever ran on a busy machine: the sustained rate is a lower bound. */
  inconclusive: boolean;
}

/** Connections one node holds while p95 fan-out latency stays under the limit. */
export interface CapacityResult {
  steps: SaturationStep[];
  /** Highest step (connections) that passed; null when the first step failed. */
  sustainedConnections: number | null;
  ratePerClient: number;
  stopReason: string;
  loadLimited: boolean;
  inconclusive: boolean;
}

/** One editing workload of the two-nodes scenario, on one node count. */
export interface EditingPart {
  workload: 'many-docs' | 'one-doc-100';
  documents: number;
  connect: ConnectResult;
  edits: EditPhaseResult;
}

/** Ours only: send → saved-ack time, from extra `?acks=1` clients in a separate phase. */
export interface DurableAckResult {
  ackClients: number;
  /** Edits the ack clients sent, and how many were acknowledged before the phase ended. */
  sent: number;
  acked: number;
  latencyMs: Distribution;
  phase: EditPhaseResult;
}

export interface ScenarioRun {
  scenario: ScenarioName;
  server: ServerName;
  documents: number;
  connect: ConnectResult;
  edits?: EditPhaseResult;
  durableAck?: DurableAckResult;
  idle?: IdleResult;
  saturation?: SaturationResult;
  capacity?: CapacityResult;
  /** Nodes the server ran on (ours with --nodes, and the two-nodes scenario); absent means 1. */
  nodes?: number;
  /** two-nodes: the editing workloads run on this node count. */
  parts?: EditingPart[];
  /** When the run of this scenario started (results of several runs are merged per scenario). */
  at?: string;
  /** Load-generator saturation and other reasons to distrust a number. */
  warnings: string[];
}

export interface Scenario {
  name: ScenarioName;
  title: string;
  /** One line with the sizes used, for the report. */
  describe(options: BenchOptions): string;
  /**
   * Node counts to run it on for `server`, one fresh server each; empty skips the server.
   * Without it: ours on --nodes, the peers on 1.
   */
  nodeCounts?(server: ServerName, options: BenchOptions): number[];
  run(context: ScenarioContext): Promise<ScenarioRun>;
}

/** Warnings about the load generator for one measured window. */
export function loadWarnings(what: string, usage: UsageWindow): string[] {
  const warnings: string[] = [];
  if (usage.loadCpuPct > LOAD_CPU_WARN_PCT) {
    warnings.push(
      `${what}: load generator at ${usage.loadCpuPct.toFixed(0)}% of a core — it may be the bottleneck`,
    );
  }
  if (usage.loopDelayP99Ms > 50) {
    warnings.push(
      `${what}: load generator event-loop delay p99 ${usage.loopDelayP99Ms.toFixed(0)} ms inflates latencies`,
    );
  }
  if (usage.otherCpuPct > OTHER_CPU_WARN_PCT) {
    warnings.push(
      `${what}: other processes on the machine used ${usage.otherCpuPct.toFixed(0)}% of a core — noisy`,
    );
  }
  return warnings;
}
