// The y-sync message body shared by every dialect: sync step 1 / step 2 / update (y-protocols/sync).
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { ServerFrame } from './types';

/** Outer message types of the y-websocket protocol. */
export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
/** Inner types of a sync message. */
export const SyncType = { step1: 0, step2: 1, update: 2 } as const;

/** Encodes `[prefix][type][syncType][payload]`; `prefix` lets Hocuspocus put its address first. */
export function syncFrame(
  prefix: (encoder: encoding.Encoder) => void,
  syncType: number,
  payload: Uint8Array,
  outerType: number = MessageType.sync,
): Uint8Array {
  const encoder = encoding.createEncoder();
  prefix(encoder);
  encoding.writeVarUint(encoder, outerType);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Reads the sync sub-message at the decoder's position (after the outer type). */
export function readSyncBody(decoder: decoding.Decoder): ServerFrame {
  const syncType = decoding.readVarUint(decoder);
  switch (syncType) {
    case SyncType.step1:
      return { kind: 'sync-step1', stateVector: decoding.readVarUint8Array(decoder) };
    case SyncType.step2:
      return { kind: 'sync-step2' };
    case SyncType.update:
      return { kind: 'update' };
    default:
      return { kind: 'other', type: syncType };
  }
}
