// connections-1000: idle connections spread over documents: connect time, memory and idle CPU.
import { closeClients, connectClients, planClients } from '../load';
import { loadWarnings, type Scenario } from './types';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const connections: Scenario = {
  name: 'connections-1000',
  title: 'Idle connections',
  describe: ({ connections: s }) =>
    `${s.connections} idle connections over ${s.docs} documents; memory per connection from RSS before/after, then ${s.idleSeconds} s idle.`,
  async run({ server, options, sampler, log }) {
    const s = options.connections;
    const rooms = await server.createDocuments(s.docs, `connections-${options.seed}`);
    const plans = planClients(rooms, Math.ceil(s.connections / s.docs), 0, options.seed).slice(
      0,
      s.connections,
    );
    await sleep(1000);
    const rssBeforeBytes = sampler.rss();
    log(`connecting ${plans.length} idle clients to ${rooms.length} documents`);
    const { clients, result: connect } = await connectClients(server, plans, sampler, {
      concurrency: options.connectConcurrency,
      quietWaitMs: options.quietWaitSeconds * 1000,
    });
    try {
      await sleep(2000);
      const rssAfterBytes = sampler.rss();
      log(`idle for ${s.idleSeconds} s`);
      sampler.mark();
      await sleep(s.idleSeconds * 1000);
      const idle = sampler.window();
      const warnings = loadWarnings('connecting', connect.usage);
      if (connect.failed > 0) {
        warnings.push(
          `${connect.failed} of ${connect.attempted} clients failed to connect: ${connect.errors[0]}`,
        );
      }
      const dropped = clients.filter((client) => client.dropped).length;
      if (dropped > 0) warnings.push(`${dropped} idle clients were disconnected`);
      return {
        scenario: 'connections-1000',
        server: server.name,
        documents: rooms.length,
        connect,
        idle: {
          rssBeforeBytes,
          rssAfterBytes,
          perConnectionKB:
            rssBeforeBytes !== null && rssAfterBytes !== null && clients.length > 0
              ? (rssAfterBytes - rssBeforeBytes) / 1024 / clients.length
              : null,
          idle,
        },
        warnings,
      };
    } finally {
      closeClients(clients);
    }
  },
};
