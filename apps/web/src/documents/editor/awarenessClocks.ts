// Keeps presence right across reconnections: awareness ignores a state whose clock it has seen.
import type { Awareness } from 'y-protocols/awareness';

/**
 * Publishes our state again with a new clock. Peers and the server remember our last clock
 * after we drop; the same state with the same clock would be ignored until the next renewal
 * (every 15 s), so after a reconnection we would be invisible that long.
 */
export function announce(awareness: Awareness): void {
  const state = awareness.getLocalState();
  if (state !== null) awareness.setLocalState(state);
}

/**
 * Forgets the clocks of peers whose states are gone (the provider removes them when the
 * connection drops). Otherwise their states, sent again with the clocks they had, are ignored.
 */
export function forgetPeers(awareness: Awareness): void {
  for (const clientId of [...awareness.meta.keys()]) {
    if (clientId !== awareness.clientID && !awareness.states.has(clientId)) {
      awareness.meta.delete(clientId);
    }
  }
}
