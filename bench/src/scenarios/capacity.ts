// capacity: step the number of connections, each client editing at a fixed rate, until p95
// fan-out latency or delivery breaks: how many connections one node holds.
import type { SimClient } from '../client';
import { type ConnectResult, closeClients, connectClients, planClients } from '../load';
import { sleep } from '../servers/child';
import { isNoisy, runJudgedStep } from './steps';
import { EVERY_STEP_PASSED, loadWarnings, type SaturationStep, type Scenario } from './types';

export const capacity: Scenario = {
  name: 'capacity',
  title: 'Capacity: connections one node holds with p95 fan-out under the limit',
  describe: ({ capacity: c, saturation: s }) =>
    `Connections stepped ${c.steps.join(', ')} over ${c.docs} documents, every client editing ${c.ratePerClient} edits/s, ${c.stepSeconds} s per step; clients are added between steps, never reconnected. A step fails when p95 > ${s.p95LimitMs} ms or delivered < ${s.deliveredMin * 100}% (re-run like saturation). ${c.probesPerDoc} probes per document.`,
  // "One node": ours runs on one node here whatever --nodes says.
  nodeCounts: () => [1],
  async run({ server, options, sampler, log }) {
    const c = options.capacity;
    const most = Math.max(...c.steps);
    const rooms = await server.createDocuments(c.docs, `capacity-${options.seed}`);
    // Round-robin over rooms: every prefix of the plan spreads evenly over the documents.
    const plans = planClients(rooms, Math.ceil(most / c.docs), c.probesPerDoc, options.seed).slice(
      0,
      most,
    );
    const clients: SimClient[] = [];
    const warnings: string[] = [];
    const steps: SaturationStep[] = [];
    let connect: ConnectResult | null = null;
    let sustainedConnections: number | null = null;
    let stopReason = EVERY_STEP_PASSED;
    let loadLimited = false;
    let inconclusive = false;
    let firstId = 0;
    let planned = 0;
    try {
      for (const [i, target] of c.steps.entries()) {
        log(`connecting ${target - planned} more clients (${target} in all)`);
        const added = await connectClients(server, plans.slice(planned, target), sampler, {
          concurrency: options.connectConcurrency,
          quietWaitMs: options.quietWaitSeconds * 1000,
        });
        planned = target;
        clients.push(...added.clients);
        connect = added.result;
        if (added.result.failed > 0) {
          warnings.push(
            `${target} connections: ${added.result.failed} failed to connect: ${added.result.errors[0]}`,
          );
        }
        await sleep(1000);
        const { attempts, nextId } = await runJudgedStep(
          clients,
          { sampler, options, log },
          {
            ratePerClient: c.ratePerClient,
            label: `${target} connections`,
            stepSeconds: c.stepSeconds,
            seed: options.seed + i,
          },
          firstId,
          server.nodes,
        );
        firstId = nextId;
        for (const attempt of attempts) attempt.connections = clients.length;
        steps.push(...attempts);
        const step = attempts[attempts.length - 1];
        if (!step) break;
        warnings.push(...loadWarnings(`${target} connections`, step.usage));
        const short = clients.length < target * 0.99;
        if (!step.passed || short) {
          inconclusive = step.passed ? false : isNoisy(step) && !step.loadLimited;
          const why = short ? `only ${clients.length} connected` : step.failure;
          stopReason = inconclusive
            ? `${target} connections failed only while other processes used ${step.usage.otherCpuPct.toFixed(0)}% of a core: inconclusive, the result is a lower bound`
            : `${target} connections failed: ${why}`;
          loadLimited = step.loadLimited;
          break;
        }
        sustainedConnections = target;
      }
    } finally {
      closeClients(clients);
    }
    if (!connect) throw new Error('capacity: no steps');
    return {
      scenario: 'capacity',
      server: server.name,
      documents: rooms.length,
      connect,
      capacity: {
        steps,
        sustainedConnections,
        ratePerClient: c.ratePerClient,
        stopReason,
        loadLimited,
        inconclusive,
      },
      warnings,
    };
  },
};
