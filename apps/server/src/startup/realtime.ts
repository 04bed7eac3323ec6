// What differs between one node and many, chosen once from config: with REDIS_URL the fan-out
// bus and presence live in Redis; without it presence is in-process and there is no bus.
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { InProcessPresence, type PresenceStore, RedisBus, RedisPresence } from '@uccn/realtime';
import { createClient } from 'redis';
import type { Config } from '../config';
import type { ReadinessCheck, SocketIoAdapter } from '../http/context';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics/metrics';

export interface Realtime {
  bus: RedisBus | undefined;
  presence: PresenceStore;
  /** socket.io's adapter: Redis streams across nodes (with connection-state recovery). */
  socketIoAdapter: SocketIoAdapter | undefined;
  readiness: Record<string, ReadinessCheck>;
  /** Called when the bus comes back after an outage (set by the collab server). */
  onReconnect: (() => void) | undefined;
  close(): Promise<void>;
}

export async function connectRealtime(
  config: Config,
  log: Logger,
  metrics: Metrics,
): Promise<Realtime> {
  if (!config.redisUrl) {
    const presence = new InProcessPresence();
    return {
      bus: undefined,
      presence,
      socketIoAdapter: undefined,
      readiness: {},
      onReconnect: undefined,
      close: () => presence.close(),
    };
  }
  const redisLog = log.child({ module: 'redis' });
  const realtime: Realtime = {
    bus: undefined,
    presence: new InProcessPresence(),
    socketIoAdapter: undefined,
    readiness: {},
    onReconnect: undefined,
    close: async () => {},
  };
  const bus = await RedisBus.connect({
    url: config.redisUrl,
    prefix: config.redisPrefix,
    // An outage is logged once when it starts and once when it ends, not per message or retry.
    onConnectionChange: (up, error) => {
      metrics.redisUp.set(up ? 1 : 0);
      if (up) {
        metrics.redisReconnects.inc();
        redisLog.info('Redis is reachable again; documents catch up from the update log');
        realtime.onReconnect?.();
      } else {
        redisLog.warn(
          { err: error?.message },
          'Redis is unreachable: documents keep working on this node and will catch up',
        );
      }
    },
  });
  metrics.redisUp.set(1);
  let presenceErrorLogged = false;
  const presence = await RedisPresence.connect({
    url: config.redisUrl,
    prefix: config.redisPrefix,
    nodeId: config.nodeId,
    onError: (error) => {
      if (!presenceErrorLogged)
        redisLog.warn({ err: error.message }, 'presence could not reach Redis');
      presenceErrorLogged = true;
    },
  });
  // The streams adapter reads with blocking XREADs, so it gets a connection of its own. Its
  // errors are the bus's outage too (logged there once), so they are only counted here.
  const threadsClient = createClient({ url: config.redisUrl });
  threadsClient.on('error', () => {});
  await threadsClient.connect();
  realtime.socketIoAdapter = createAdapter(threadsClient, {
    streamName: `${config.redisPrefix}socket.io`,
    channelPrefix: `${config.redisPrefix}socket.io`,
    sessionKeyPrefix: `${config.redisPrefix}sio:session:`,
    maxLen: 10_000,
    onlyPlaintext: true,
  }) as SocketIoAdapter;
  realtime.bus = bus;
  realtime.presence = presence;
  realtime.readiness = { redis: () => bus.ping() };
  realtime.close = async () => {
    await presence.close();
    await bus.close();
    await threadsClient.close().catch(() => threadsClient.destroy());
  };
  return realtime;
}
