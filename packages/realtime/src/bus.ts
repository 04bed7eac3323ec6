// The fan-out bus: messages published on a channel reach every subscriber of that channel, on
// this node (in-process) or on every node (Redis pub/sub). At most once: callers that need every
// message (document updates) also keep a durable path to catch up from.

export type BusMessage = Uint8Array;
export type BusListener = (message: BusMessage) => void;

export interface FanoutBus {
  /** Sends a message to every subscriber of the channel, this node's included. */
  publish(channel: string, message: BusMessage): Promise<void>;
  /** Starts delivering the channel's messages; the returned function stops it. */
  subscribe(channel: string, listener: BusListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** One node: subscribers are called synchronously, in order. */
export class InProcessBus implements FanoutBus {
  private readonly channels = new Map<string, Set<BusListener>>();

  async publish(channel: string, message: BusMessage) {
    for (const listener of this.channels.get(channel) ?? []) listener(message);
  }

  async subscribe(channel: string, listener: BusListener) {
    let listeners = this.channels.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.channels.set(channel, listeners);
    }
    listeners.add(listener);
    return async () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.channels.delete(channel);
    };
  }

  async close() {
    this.channels.clear();
  }
}
