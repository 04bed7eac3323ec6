// What the save indicator says: from the connection's state and the clocks of local and acked edits.
import * as Y from 'yjs';

/** The link to the server: before the first connection, connected, or lost (retrying). */
export type Connection = 'connecting' | 'online' | 'offline';

export type SaveState = 'connecting' | 'offline' | 'saving' | 'saved';

/** What the provider reports: its `status` events, and `close` for any closed socket. */
export type ConnectionEvent = 'connecting' | 'connected' | 'disconnected' | 'close';

/**
 * The connection after a provider event. A retry (`connecting` after a loss) stays offline:
 * the user's edits are still only on this device until the socket is open again.
 */
export function nextConnection(current: Connection, event: ConnectionEvent): Connection {
  if (event === 'connected') return 'online';
  if (event === 'connecting') return current;
  return 'offline';
}

/**
 * The clock of this client's own edits in `doc`: how many it has made (0 for none). The
 * server's saved acknowledgement is a state vector with clocks of the same kind.
 */
export function localClock(doc: Y.Doc): number {
  return Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0;
}

/**
 * This client's acked clock after a saved acknowledgement: the highest seen, since a new
 * connection acknowledges only what it sent itself and clocks never go back.
 */
export function ackedClock(previous: number, savedStateVector: Uint8Array, clientId: number) {
  const acked = Y.decodeStateVector(savedStateVector).get(clientId) ?? 0;
  return Math.max(previous, acked);
}

/**
 * The save indicator's state.
 *
 * @example saveStateOf({ connection: 'online', local: 12, acked: 12 }) // 'saved'
 */
export function saveStateOf(input: {
  connection: Connection;
  local: number;
  acked: number;
}): SaveState {
  if (input.connection === 'offline') return 'offline';
  if (input.connection === 'connecting') return 'connecting';
  return input.acked >= input.local ? 'saved' : 'saving';
}
