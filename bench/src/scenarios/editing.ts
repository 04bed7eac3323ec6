// The shared body of the editing scenarios: documents × clients, everyone edits at a fixed rate.
import type { ClientPlan, SimClient } from '../client';
import { closeClients, connectClients, planClients, runEditPhase } from '../load';
import { Samples } from '../metrics';
import type { ScenarioName } from '../options';
import {
  type DurableAckResult,
  loadWarnings,
  type ScenarioContext,
  type ScenarioRun,
} from './types';

export interface EditingShape {
  scenario: ScenarioName;
  docs: number;
  clientsPerDoc: number;
  probesPerDoc: number;
  /** Edits per second per client. */
  rate: number;
  seconds: number;
  /** Seconds of the separate saved-ack phase (ours only); 0 skips it. */
  durableAckSeconds: number;
}

export async function runEditing(
  context: ScenarioContext,
  shape: EditingShape,
): Promise<ScenarioRun> {
  const { server, options, sampler, log } = context;
  const rooms = await server.createDocuments(shape.docs, `${shape.scenario}-${options.seed}`);
  const plans = planClients(rooms, shape.clientsPerDoc, shape.probesPerDoc, options.seed);
  log(`connecting ${plans.length} clients to ${rooms.length} documents`);
  const { clients, result: connect } = await connectClients(server, plans, sampler, {
    concurrency: options.connectConcurrency,
    quietWaitMs: options.quietWaitSeconds * 1000,
  });
  const extra: SimClient[] = [];
  try {
    if (connect.failed > 0)
      log(`${connect.failed} clients failed to connect: ${connect.errors[0]}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    log(`editing: ${clients.length} clients × ${shape.rate}/s for ${shape.seconds} s`);
    const edits = await runEditPhase(clients, sampler, {
      ratePerClient: shape.rate,
      durationMs: shape.seconds * 1000,
      graceMs: options.graceMs,
      seed: options.seed,
      firstId: 0,
      quietWaitMs: options.quietWaitSeconds * 1000,
      nodes: server.nodes,
    });
    const warnings = loadWarnings('edit phase', edits.usage);
    if (edits.achievedRate < edits.targetRate * 0.95) {
      warnings.push(
        `the load generator sent ${edits.achievedRate.toFixed(0)}/s of the ${edits.targetRate.toFixed(0)}/s planned`,
      );
    }
    if (edits.foreignMarkers > 0) {
      warnings.push(`${edits.foreignMarkers} edits arrived in the wrong document`);
    }
    if (edits.droppedClients > 0)
      warnings.push(`${edits.droppedClients} clients were disconnected`);
    if (connect.failed > 0) {
      warnings.push(`${connect.failed} of ${connect.attempted} clients failed to connect`);
    }

    let durableAck: DurableAckResult | undefined;
    if (shape.durableAckSeconds > 0 && server.supportsSavedAcks) {
      const ackPlans: ClientPlan[] = planClients(rooms, 1, 0, options.seed + 1000, {
        firstIndex: plans.length,
        acks: true,
      });
      log(
        `durable acks: ${ackPlans.length} more clients with ?acks=1, all editing ${shape.durableAckSeconds} s`,
      );
      const connected = await connectClients(server, ackPlans, sampler, {
        concurrency: options.connectConcurrency,
      });
      extra.push(...connected.clients);
      const latency = new Samples();
      for (const client of extra) client.ackLatency = latency;
      const phase = await runEditPhase([...clients, ...extra], sampler, {
        ratePerClient: shape.rate,
        durationMs: shape.durableAckSeconds * 1000,
        graceMs: options.graceMs,
        seed: options.seed + 1000,
        firstId: edits.nextId,
        quietWaitMs: options.quietWaitSeconds * 1000,
        nodes: server.nodes,
      });
      const sent = extra.reduce((sum, client) => sum + client.editsSent, 0);
      durableAck = {
        ackClients: extra.length,
        sent,
        acked: latency.length,
        latencyMs: latency.summary(),
        phase,
      };
    }
    return {
      scenario: shape.scenario,
      server: server.name,
      documents: rooms.length,
      connect,
      edits,
      ...(durableAck ? { durableAck } : {}),
      warnings,
    };
  } finally {
    closeClients(clients);
    closeClients(extra);
  }
}
