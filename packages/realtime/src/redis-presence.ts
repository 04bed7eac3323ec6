// Presence in Redis: a hash per node (`<prefix>presence:<node>`, field = connection id, value =
// JSON entry) whose TTL each heartbeat renews. Entries are also kept in memory, so a node that
// lost Redis for a while writes them all back when it returns.
import { createClient, type RedisClientType } from 'redis';
import type { PresenceEntry, PresenceStore } from './presence';

export interface RedisPresenceOptions {
  url: string;
  nodeId: string;
  prefix?: string;
  /** How often the node renews its key; the key lives three times as long. */
  heartbeatMs?: number;
  onError?: (error: Error) => void;
}

export class RedisPresence implements PresenceStore {
  private readonly client: RedisClientType;
  private readonly local = new Map<string, PresenceEntry>();
  private readonly key: string;
  private readonly pattern: string;
  private readonly ttlSeconds: number;
  private readonly timer: NodeJS.Timeout;

  private constructor(private readonly options: RedisPresenceOptions) {
    const prefix = options.prefix ?? 'uccn:';
    this.key = `${prefix}presence:${options.nodeId}`;
    this.pattern = `${prefix}presence:*`;
    const heartbeatMs = options.heartbeatMs ?? 3000;
    this.ttlSeconds = Math.max(1, Math.ceil((heartbeatMs * 3) / 1000));
    this.client = createClient({ url: options.url, disableOfflineQueue: true });
    this.client.on('error', (error: Error) => options.onError?.(error));
    this.timer = setInterval(() => void this.beat(), heartbeatMs);
    this.timer.unref();
  }

  static async connect(options: RedisPresenceOptions) {
    const presence = new RedisPresence(options);
    await presence.client.connect();
    return presence;
  }

  async add(entry: PresenceEntry) {
    this.local.set(entry.connectionId, entry);
    await this.write(async () => {
      await this.client
        .multi()
        .hSet(this.key, entry.connectionId, JSON.stringify(entry))
        .expire(this.key, this.ttlSeconds)
        .exec();
    });
  }

  async remove(connectionId: string) {
    this.local.delete(connectionId);
    await this.write(async () => {
      await this.client.hDel(this.key, connectionId);
    });
  }

  async list(): Promise<PresenceEntry[]> {
    if (!this.client.isReady) return [...this.local.values()];
    const entries: PresenceEntry[] = [];
    for await (const keys of this.client.scanIterator({ MATCH: this.pattern, COUNT: 100 })) {
      for (const key of keys) {
        const values = await this.client.hVals(key);
        for (const value of values) entries.push(JSON.parse(value) as PresenceEntry);
      }
    }
    return entries;
  }

  /** Renews the node's key, writing back every local entry (after an outage, or a lost write). */
  private async beat() {
    await this.write(async () => {
      const multi = this.client.multi().del(this.key);
      if (this.local.size > 0) {
        multi.hSet(
          this.key,
          Object.fromEntries([...this.local].map(([id, entry]) => [id, JSON.stringify(entry)])),
        );
        multi.expire(this.key, this.ttlSeconds);
      }
      await multi.exec();
    });
  }

  private async write(operation: () => Promise<void>) {
    if (!this.client.isReady) return; // The next heartbeat after Redis returns writes it all.
    try {
      await operation();
    } catch (error) {
      this.options.onError?.(error as Error);
    }
  }

  async close() {
    clearInterval(this.timer);
    this.local.clear();
    // While Redis is down QUIT would wait for it forever; the key expires by itself anyway.
    if (!this.client.isReady) {
      this.client.destroy();
      return;
    }
    await this.client.del(this.key).catch(() => {});
    await this.client.quit().catch(() => {});
  }
}
