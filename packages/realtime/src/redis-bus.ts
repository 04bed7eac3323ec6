// The fan-out bus over Redis pub/sub, for several nodes. One connection publishes and one
// subscribes (Redis requires a dedicated connection for subscriptions); both reconnect by themselves.
import { createClient, type RedisClientType } from 'redis';
import type { BusListener, BusMessage, FanoutBus } from './bus';

export interface RedisBusOptions {
  url: string;
  /** Prefix of every channel name, so several deployments can share one Redis. */
  prefix?: string;
  /** Called once when the connection is lost and once when it is back, not per retry. */
  onConnectionChange?: (up: boolean, error?: Error) => void;
}

export class RedisBus implements FanoutBus {
  private readonly publisher: RedisClientType;
  private readonly subscriber: RedisClientType;
  private readonly listeners = new Map<string, Set<BusListener>>();
  private readonly prefix: string;

  private constructor(options: RedisBusOptions) {
    this.prefix = options.prefix ?? 'uccn:';
    // Without an offline queue a publish fails at once while Redis is down, instead of
    // piling up; callers have a durable path to catch up from.
    this.publisher = createClient({ url: options.url, disableOfflineQueue: true });
    // Subscriptions made while Redis is down wait for it (and are renewed on every reconnect).
    this.subscriber = this.publisher.duplicate({ disableOfflineQueue: false });
    let up = true;
    const onError = (error: Error) => {
      if (up) options.onConnectionChange?.(false, error);
      up = false;
    };
    const onReady = () => {
      if (!up) options.onConnectionChange?.(true);
      up = true;
    };
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', onError);
      client.on('ready', onReady);
    }
  }

  static async connect(options: RedisBusOptions) {
    const bus = new RedisBus(options);
    await Promise.all([bus.publisher.connect(), bus.subscriber.connect()]);
    return bus;
  }

  async publish(channel: string, message: BusMessage) {
    await this.publisher.publish(
      this.prefix + channel,
      Buffer.from(message.buffer, message.byteOffset, message.byteLength),
    );
  }

  async subscribe(channel: string, listener: BusListener) {
    let listeners = this.listeners.get(channel);
    if (!listeners) {
      const created = new Set<BusListener>();
      listeners = created;
      this.listeners.set(channel, created);
      await this.subscriber.subscribe(
        this.prefix + channel,
        (message: Buffer) => {
          const bytes = new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
          for (const each of created) each(bytes);
        },
        true,
      );
    }
    listeners.add(listener);
    return async () => {
      const current = this.listeners.get(channel);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) {
        this.listeners.delete(channel);
        await this.subscriber.unsubscribe(this.prefix + channel);
      }
    };
  }

  /** Resolves when Redis answers; throws while it is unreachable. */
  async ping() {
    await this.publisher.ping();
  }

  async close() {
    this.listeners.clear();
    // QUIT waits for Redis to answer, which never happens while it is down (and stops the
    // reconnecting): then the connection is dropped, failing whatever was queued for it.
    await Promise.allSettled(
      [this.subscriber, this.publisher].map((client) =>
        client.isReady ? client.quit() : client.destroy(),
      ),
    );
  }
}
