// Validates a Yjs update before it may touch a document. Y.applyUpdate integrates structs before
// it reads the delete set, so a truncated update would be half-applied (yjs #479, #498): decoding
// the whole update first turns every malformed one into an exception with nothing applied.
import * as Y from 'yjs';

export interface CheckedUpdate {
  /** True when the update carries neither structs nor deletions. */
  empty: boolean;
  /** Highest clock + 1 per client id among its structs: what a saved ack must cover. */
  clocks: Map<number, number>;
}

export function checkUpdate(update: Uint8Array): CheckedUpdate {
  const { structs, ds } = Y.decodeUpdate(update);
  const clocks = new Map<number, number>();
  for (const struct of structs) {
    const end = struct.id.clock + struct.length;
    if ((clocks.get(struct.id.client) ?? 0) < end) clocks.set(struct.id.client, end);
  }
  return { empty: structs.length === 0 && ds.clients.size === 0, clocks };
}

/** Merges clock maps, keeping the highest clock per client. */
export function mergeClocks(into: Map<number, number>, from: Map<number, number>) {
  for (const [client, clock] of from) {
    if ((into.get(client) ?? 0) < clock) into.set(client, clock);
  }
}
