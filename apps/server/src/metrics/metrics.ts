// Prometheus metrics of a node, served at /metrics: connections, open documents, updates,
// save latency, fan-out lag, gaps and Redis reconnects, discussion sockets and events, plus
// Node's process metrics.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export function createMetrics(nodeId: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ node: nodeId });
  collectDefaultMetrics({ register: registry });
  const metrics = {
    registry,
    connections: new Gauge({
      name: 'uccn_collab_connections',
      help: 'Open /collab WebSocket connections',
      registers: [registry],
    }),
    openDocuments: new Gauge({
      name: 'uccn_collab_open_documents',
      help: 'Documents loaded in memory',
      registers: [registry],
    }),
    updates: new Counter({
      name: 'uccn_collab_updates_total',
      help: 'Updates saved to the update log',
      registers: [registry],
    }),
    saveBatches: new Histogram({
      name: 'uccn_collab_save_batch_rows',
      help: 'Updates per group commit',
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
      registers: [registry],
    }),
    saveLatency: new Histogram({
      name: 'uccn_collab_save_seconds',
      help: 'Time of one group commit',
      buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    fanoutLag: new Histogram({
      name: 'uccn_fanout_lag_seconds',
      help: 'Time from publish on one node to receipt on another (Redis lag)',
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.5, 1],
      registers: [registry],
    }),
    fanoutGaps: new Counter({
      name: 'uccn_fanout_gaps_total',
      help: 'Missed fan-out messages detected (each triggers a catch-up)',
      registers: [registry],
    }),
    fanoutPublishFailures: new Counter({
      name: 'uccn_fanout_publish_failures_total',
      help: 'Publishes that failed (Redis down)',
      registers: [registry],
    }),
    redisReconnects: new Counter({
      name: 'uccn_redis_reconnects_total',
      help: 'Times the connection to Redis came back',
      registers: [registry],
    }),
    threadSockets: new Gauge({
      name: 'uccn_threads_sockets',
      help: 'Open socket.io connections (discussions and notifications)',
      registers: [registry],
    }),
    threadEvents: new Counter({
      name: 'uccn_threads_events_total',
      help: 'socket.io events answered, by event and outcome (ok or an error code)',
      labelNames: ['event', 'outcome'],
      registers: [registry],
    }),
    redisUp: new Gauge({
      name: 'uccn_redis_up',
      help: '1 while Redis is reachable (absent without Redis)',
      registers: [registry],
    }),
  };
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;
