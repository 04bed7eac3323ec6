// two-nodes: many-docs and one-doc-100 on ours on one node, then on two nodes sharing Postgres
// and Redis, clients of each document alternating between the nodes: what crossing nodes costs.
import type { BenchOptions } from '../options';
import type { ServerName } from '../types';
import { runEditing } from './editing';
import type { EditingPart, Scenario } from './types';

/** Ours runs once per node count; the peers are left out (see README: no multi-node peer here). */
function nodeCounts(server: ServerName, options: BenchOptions): number[] {
  return server === 'ours' ? [1, Math.max(2, options.nodes)] : [];
}

export const twoNodes: Scenario = {
  name: 'two-nodes',
  title: 'Two nodes: cross-node fan-out cost of ours',
  describe: ({ manyDocs: m, oneDoc: o }) =>
    `Ours only, on a fresh Postgres database each time: first on one node (no Redis), then on two nodes sharing the database and Redis pub/sub; in each, many-docs (${m.docs} documents × ${m.clientsPerDoc} clients, ${m.rate} edits/s each, ${m.seconds} s) and then one-doc-100 (${o.clients} editors, ${o.rate} edit/s, ${o.seconds} s), no saved-ack phase. On two nodes the clients of each document alternate between the nodes, so about half of what a probe receives crossed nodes ("cross-node only" rows count just those edits). The peers are not run here: Hocuspocus's Redis extension is not wired up in this harness, and y-websocket-server has no multi-node mode.`,
  nodeCounts,
  async run(context) {
    const { options, server } = context;
    const parts: EditingPart[] = [];
    const warnings: string[] = [];
    const workloads = [
      {
        workload: 'many-docs' as const,
        docs: options.manyDocs.docs,
        clientsPerDoc: options.manyDocs.clientsPerDoc,
        probesPerDoc: options.manyDocs.probesPerDoc,
        rate: options.manyDocs.rate,
        seconds: options.manyDocs.seconds,
      },
      {
        workload: 'one-doc-100' as const,
        docs: 1,
        clientsPerDoc: options.oneDoc.clients,
        probesPerDoc: options.oneDoc.probes,
        rate: options.oneDoc.rate,
        seconds: options.oneDoc.seconds,
      },
    ];
    for (const { workload, ...shape } of workloads) {
      const log = (line: string) => context.log(`${workload}: ${line}`);
      const run = await runEditing(
        { ...context, log },
        { ...shape, scenario: 'two-nodes', durableAckSeconds: 0 },
      );
      if (!run.edits) throw new Error(`two-nodes: ${workload} measured no edits`);
      parts.push({ workload, documents: run.documents, connect: run.connect, edits: run.edits });
      warnings.push(...run.warnings.map((warning) => `${workload}: ${warning}`));
    }
    const first = parts[0];
    if (!first) throw new Error('two-nodes: nothing measured');
    return {
      scenario: 'two-nodes',
      server: server.name,
      nodes: server.nodes,
      documents: parts.reduce((sum, part) => sum + part.documents, 0),
      connect: first.connect,
      parts,
      warnings,
    };
  },
};
