// Checks awareness updates from clients: size, which client ids a connection may speak for,
// and identity. The `user` field is the server's to set; a state naming someone else is dropped.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { ConnectionIdentity } from './types';

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** JSON text of the state; `null` removes the client. */
  state: string;
}

/** Decodes y-protocols' awareness update; throws on malformed input. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    entries.push({ clientId, clock, state });
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after awareness update');
  return entries;
}

export function encodeAwarenessUpdate(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}

/** The identity the server publishes for a user, under `state.user`. */
export function publicIdentity(identity: ConnectionIdentity) {
  return {
    id: identity.userId,
    name: identity.name,
    city: identity.cityName,
    citySlug: identity.citySlug,
    color: identity.color,
  };
}

export interface GuardResult {
  accepted: AwarenessEntry[];
  /** Entries dropped: spoofed identity, another connection's client id, or not an object. */
  dropped: number;
}

/**
 * Keeps the entries this connection may send, with `user` set by the server.
 * @param ownerOf who speaks for each client id so far (another connection's ids are refused)
 */
export function guardAwareness(
  entries: AwarenessEntry[],
  identity: ConnectionIdentity,
  isOwnedByOther: (clientId: number) => boolean,
): GuardResult {
  const accepted: AwarenessEntry[] = [];
  let dropped = 0;
  const user = publicIdentity(identity);
  for (const entry of entries) {
    if (isOwnedByOther(entry.clientId)) {
      dropped += 1;
      continue;
    }
    let state: unknown;
    try {
      state = JSON.parse(entry.state);
    } catch {
      dropped += 1;
      continue;
    }
    if (state === null) {
      accepted.push(entry);
      continue;
    }
    if (typeof state !== 'object' || Array.isArray(state)) {
      dropped += 1;
      continue;
    }
    // A `user` naming someone else is a spoof; one without an id (stock clients set only a name
    // and colour) is simply replaced by the server's identity.
    const claimed = (state as { user?: unknown }).user;
    const spoofed =
      claimed !== undefined &&
      (typeof claimed !== 'object' ||
        claimed === null ||
        ('id' in claimed && (claimed as { id: unknown }).id !== identity.userId));
    if (spoofed) {
      dropped += 1;
      continue;
    }
    accepted.push({ ...entry, state: JSON.stringify({ ...state, user }) });
  }
  return { accepted, dropped };
}
