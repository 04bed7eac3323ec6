// Who is connected where: one entry per connection (user, city, what they have open, node,
// since when). In-process on one node; in Redis for many, where each node's entries live under
// one key that expires unless the node keeps beating, so a dead node's people vanish by themselves.

export interface PresenceEntry {
  /** Unique per connection across the cluster (node id + local id). */
  connectionId: string;
  userId: string;
  name: string;
  cityId: number | null;
  citySlug: string | null;
  cityName: string | null;
  /** What the connection has open. */
  kind: 'document' | 'thread';
  targetId: string;
  node: string;
  /** ISO time the connection opened. */
  since: string;
}

export interface PresenceStore {
  add(entry: PresenceEntry): Promise<void>;
  remove(connectionId: string): Promise<void>;
  /** Everyone connected now, on every node. */
  list(): Promise<PresenceEntry[]>;
  close(): Promise<void>;
}

export class InProcessPresence implements PresenceStore {
  private readonly entries = new Map<string, PresenceEntry>();

  async add(entry: PresenceEntry) {
    this.entries.set(entry.connectionId, entry);
  }

  async remove(connectionId: string) {
    this.entries.delete(connectionId);
  }

  async list() {
    return [...this.entries.values()];
  }

  async close() {
    this.entries.clear();
  }
}
