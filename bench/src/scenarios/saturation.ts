// saturation: step the total edit rate up over many connections until latency or delivery breaks.
import { closeClients, connectClients, planClients } from '../load';
import { isNoisy, runJudgedStep } from './steps';
import { EVERY_STEP_PASSED, loadWarnings, type SaturationStep, type Scenario } from './types';

export const saturation: Scenario = {
  name: 'saturation',
  title: 'Saturation: highest sustained edit rate',
  describe: ({ saturation: s }) =>
    `${s.connections} connections over ${s.docs} documents, all editing; total rate stepped ${s.steps.join(', ')} edits/s, ${s.stepSeconds} s per step, until p95 > ${s.p95LimitMs} ms or delivered < ${s.deliveredMin * 100}% (a failed step is run again, up to 3 times while other processes hog the CPU; a failure seen only on a busy machine is reported as inconclusive).`,
  async run({ server, options, sampler, log }) {
    const s = options.saturation;
    const rooms = await server.createDocuments(s.docs, `saturation-${options.seed}`);
    const plans = planClients(
      rooms,
      Math.ceil(s.connections / s.docs),
      s.probesPerDoc,
      options.seed,
    ).slice(0, s.connections);
    log(`connecting ${plans.length} clients to ${rooms.length} documents`);
    const { clients, result: connect } = await connectClients(server, plans, sampler, {
      concurrency: options.connectConcurrency,
      quietWaitMs: options.quietWaitSeconds * 1000,
    });
    const warnings: string[] = [];
    if (connect.failed > 0) {
      warnings.push(
        `${connect.failed} of ${connect.attempted} clients failed to connect: ${connect.errors[0]}`,
      );
    }
    const steps: SaturationStep[] = [];
    let sustainedRate: number | null = null;
    let stopReason = EVERY_STEP_PASSED;
    let loadLimited = false;
    let inconclusive = false;
    let firstId = 0;
    try {
      for (const [i, rate] of s.steps.entries()) {
        const { attempts, nextId } = await runJudgedStep(
          clients,
          { sampler, options, log },
          {
            ratePerClient: rate / clients.length,
            label: `${rate}/s`,
            stepSeconds: s.stepSeconds,
            seed: options.seed + i,
          },
          firstId,
          server.nodes,
        );
        firstId = nextId;
        steps.push(...attempts);
        const step = attempts[attempts.length - 1];
        if (!step) break;
        warnings.push(...loadWarnings(`step ${rate}/s`, step.usage));
        if (!step.passed) {
          inconclusive = isNoisy(step) && !step.loadLimited;
          stopReason = inconclusive
            ? `${rate}/s failed only while other processes used ${step.usage.otherCpuPct.toFixed(0)}% of a core: inconclusive, the sustained rate is a lower bound`
            : `${rate}/s failed: ${step.failure}`;
          loadLimited = step.loadLimited;
          break;
        }
        sustainedRate = rate;
      }
    } finally {
      closeClients(clients);
    }
    return {
      scenario: 'saturation',
      server: server.name,
      documents: rooms.length,
      connect,
      saturation: { steps, sustainedRate, stopReason, loadLimited, inconclusive },
      warnings,
    };
  },
};
