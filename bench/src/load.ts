// The load generator: plans clients over documents, connects them with bounded concurrency, and
// runs timed edit phases on a fixed, seeded schedule.
import { type ClientPlan, SimClient } from './client';
import { EditLedger } from './ledger';
import {
  type Distribution,
  OTHER_CPU_WARN_PCT,
  Samples,
  type UsageSampler,
  type UsageWindow,
} from './metrics';
import { randomClientId, seededRandom } from './random';
import type { RunningServer } from './types';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `clientsPerDoc` clients on each room; the first `probesPerDoc` of each room are probes. */
export function planClients(
  rooms: string[],
  clientsPerDoc: number,
  probesPerDoc: number,
  seed: number,
  { firstIndex = 0, acks = false } = {},
): ClientPlan[] {
  const random = seededRandom(seed);
  const plans: ClientPlan[] = [];
  for (let c = 0; c < clientsPerDoc; c++) {
    // Round-robin over rooms, so a partial connect still spreads over every document.
    rooms.forEach((room, doc) => {
      plans.push({
        index: firstIndex + plans.length,
        doc,
        room,
        probe: c < probesPerDoc,
        clientId: randomClientId(random),
        acks,
        slot: c,
      });
    });
  }
  return plans;
}

export interface ConnectResult {
  attempted: number;
  connected: number;
  failed: number;
  /** First few failure messages. */
  errors: string[];
  ms: Distribution;
  seconds: number;
  usage: UsageWindow;
}

/** Connects every planned client, `concurrency` at a time; failed clients are left out. */
export async function connectClients(
  server: RunningServer,
  plans: ClientPlan[],
  sampler: UsageSampler,
  { concurrency = 20, timeoutMs = 15_000, quietWaitMs = 0 } = {},
): Promise<{ clients: SimClient[]; result: ConnectResult }> {
  await sampler.waitForQuietMachine(OTHER_CPU_WARN_PCT, quietWaitMs);
  sampler.mark();
  const started = performance.now();
  const clients: SimClient[] = [];
  const errors: string[] = [];
  const times = new Samples();
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < plans.length) {
      const plan = plans[next++];
      if (!plan) break;
      const client = new SimClient(plan, server);
      try {
        await client.connect(timeoutMs);
        clients.push(client);
        times.push(client.connectMs);
      } catch (error) {
        failed++;
        client.close();
        if (errors.length < 5) errors.push(error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, plans.length) }, worker));
  clients.sort((a, b) => a.plan.index - b.plan.index);
  return {
    clients,
    result: {
      attempted: plans.length,
      connected: clients.length,
      failed,
      errors,
      ms: times.summary(),
      seconds: (performance.now() - started) / 1000,
      usage: sampler.window(),
    },
  };
}

export interface EditPhaseOptions {
  /** Edits per second per client. */
  ratePerClient: number;
  durationMs: number;
  /** How long to wait after the last send for probes to catch up. */
  graceMs: number;
  seed: number;
  /** First edit id (ids stay unique across the phases of one server run). */
  firstId: number;
  /** Wait up to this long for other processes to leave the CPU before starting. */
  quietWaitMs: number;
  /** Nodes of the server: with more than 1, latency between clients on different nodes is kept apart. */
  nodes?: number;
}

export interface EditPhaseResult {
  /** Target edits/s over all clients. */
  targetRate: number;
  /** Edits/s actually sent. */
  achievedRate: number;
  sent: number;
  /** Edits the probes should have received, and did within the grace period. */
  expected: number;
  delivered: number;
  deliveredRatio: number | null;
  latencyMs: Distribution;
  /** Several nodes only: latency of edits whose writer and probe sit on different nodes. */
  crossNodeLatencyMs?: Distribution;
  /** How late the generator sent edits against the schedule (p99, ms). */
  sendLagP99Ms: number | null;
  /** Frames received by all clients per second. */
  framesPerSecond: number;
  foreignMarkers: number;
  droppedClients: number;
  usage: UsageWindow;
  nextId: number;
}

/**
 * Every connected client edits at `ratePerClient` for `durationMs`, each with a seeded phase in
 * the period, so the schedule is the same for every server. One timer walks the sorted schedule.
 */
export async function runEditPhase(
  clients: SimClient[],
  sampler: UsageSampler,
  options: EditPhaseOptions,
): Promise<EditPhaseResult> {
  const ledger = new EditLedger(options.firstId, options.nodes ?? 1);
  const probes = clients.filter((client) => client.plan.probe);
  for (const probe of probes) probe.sink = ledger.receive;
  const periodMs = 1000 / options.ratePerClient;
  const random = seededRandom(options.seed);
  const writers = clients
    .map((client) => ({ client, offset: random() * periodMs }))
    .sort((a, b) => a.offset - b.offset);
  const framesBefore = clients.reduce((sum, client) => sum + client.frames, 0);
  const lag = new Samples();

  await sampler.waitForQuietMachine(OTHER_CPU_WARN_PCT, options.quietWaitMs);
  sampler.mark();
  const start = performance.now();
  const end = start + options.durationMs;
  let cycle = 0;
  let position = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (writers.length > 0) {
        const writer = writers[position];
        if (!writer) break;
        const due = start + cycle * periodMs + writer.offset;
        if (due > now || due >= end) break;
        const sentAt = performance.now();
        if (writer.client.edit(ledger.nextId, sentAt)) {
          ledger.recordSend(writer.client, sentAt);
          lag.push(sentAt - due);
        }
        position++;
        if (position === writers.length) {
          position = 0;
          cycle++;
        }
      }
      if (now >= end) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  const sendSeconds = (performance.now() - start) / 1000;
  const usage = sampler.window();

  const graceEnd = performance.now() + options.graceMs;
  while (performance.now() < graceEnd && ledger.delivered() < ledger.expected(probes)) {
    await sleep(20);
  }
  ledger.close();
  for (const probe of probes) probe.sink = null;
  const expected = ledger.expected(probes);
  const framesAfter = clients.reduce((sum, client) => sum + client.frames, 0);
  return {
    targetRate: options.ratePerClient * clients.length,
    achievedRate: ledger.sent / sendSeconds,
    sent: ledger.sent,
    expected,
    delivered: ledger.delivered(),
    deliveredRatio: expected > 0 ? ledger.delivered() / expected : null,
    latencyMs: ledger.latency.summary(),
    ...((options.nodes ?? 1) > 1 ? { crossNodeLatencyMs: ledger.crossNodeLatency.summary() } : {}),
    sendLagP99Ms: lag.summary().p99,
    framesPerSecond: (framesAfter - framesBefore) / sendSeconds,
    foreignMarkers: ledger.foreign,
    droppedClients: clients.filter((client) => client.dropped).length,
    usage,
    nextId: ledger.nextId,
  };
}

/** Waits until no client received a frame for `quietMs` (or `maxMs` passed). */
export async function waitForQuiet(clients: SimClient[], quietMs: number, maxMs: number) {
  const deadline = performance.now() + maxMs;
  let last = -1;
  let quietSince = performance.now();
  while (performance.now() < deadline) {
    const frames = clients.reduce((sum, client) => sum + client.frames, 0);
    if (frames !== last) {
      last = frames;
      quietSince = performance.now();
    } else if (performance.now() - quietSince >= quietMs) {
      return;
    }
    await sleep(50);
  }
}

export function closeClients(clients: SimClient[]) {
  for (const client of clients) client.close();
}
