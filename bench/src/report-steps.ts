// The step tables of the saturation and capacity scenarios in RESULTS.md.
import { int, markdownTable, mb, ms, pct } from './markdown';
import type { UsageWindow } from './metrics';
import type { ScenarioRun } from './scenarios/types';
import type { ServerName } from './types';

/** Share of all the machine's cores in use during a window (server, database, load, others). */
function machineShare(usage: UsageWindow, cores: number): number {
  const total =
    (usage.serverCpuPct ?? 0) + (usage.databaseCpuPct ?? 0) + usage.loadCpuPct + usage.otherCpuPct;
  return total / cores;
}

/** The step tables of saturation or capacity, one per server. */
export function stepsSection(
  kind: 'saturation' | 'capacity',
  servers: ServerName[],
  runs: Map<ServerName, ScenarioRun>,
  cores: number,
): string {
  const parts: string[] = [
    `CPU columns are % of one core; "all cores" is the share of the machine's ${cores} cores in use — near 100% the server and the load generator compete for CPU, and the step measures the machine more than the server.`,
    '',
  ];
  for (const name of servers) {
    const run = runs.get(name);
    const result = kind === 'saturation' ? run?.saturation : run?.capacity;
    if (!run || !result) continue;
    const capacity = kind === 'capacity';
    const held = capacity ? run.capacity?.sustainedConnections : run.saturation?.sustainedRate;
    parts.push(
      `**${name}** — ${capacity ? 'held' : 'sustained'} ${held == null ? 'none' : `${int(held)} ${capacity ? 'connections' : 'edits/s'}`}; stopped: ${result.stopReason}${result.loadLimited ? ' (**load generator limited: a lower bound**)' : ''}`,
      '',
      markdownTable(
        [
          ...(capacity ? ['connections'] : []),
          'target /s',
          'sent /s',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'delivered',
          'server CPU',
          '+DB CPU',
          'RSS max MB',
          'load CPU',
          'loop p99 ms',
          'other CPU',
          'all cores',
          'result',
        ],
        result.steps.map((step) => [
          ...(capacity ? [int(step.connections ?? 0)] : []),
          int(step.targetRate),
          int(step.achievedRate),
          step.latencyMs.p50 === null ? '–' : ms(step.latencyMs.p50),
          step.latencyMs.p95 === null ? '–' : ms(step.latencyMs.p95),
          step.latencyMs.p99 === null ? '–' : ms(step.latencyMs.p99),
          step.deliveredRatio === null ? '–' : pct(step.deliveredRatio * 100),
          step.usage.serverCpuPct === null ? '–' : pct(step.usage.serverCpuPct),
          step.usage.databaseCpuPct === null ? '–' : pct(step.usage.databaseCpuPct),
          step.usage.serverRssMaxBytes === null ? '–' : mb(step.usage.serverRssMaxBytes),
          pct(step.usage.loadCpuPct),
          ms(step.usage.loopDelayP99Ms),
          pct(step.usage.otherCpuPct),
          pct(machineShare(step.usage, cores)),
          `${step.passed ? 'pass' : `fail: ${step.failure}${step.loadLimited ? ' (load gen)' : ''}`}${step.attempt > 1 ? ' (re-run)' : ''}`,
        ]),
      ),
      '',
    );
  }
  return parts.join('\n');
}
