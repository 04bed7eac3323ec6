// The Hocuspocus dialect: every frame starts with the document name (varString), and a client
// must send an Auth frame before the server handles anything else for that document.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Dialect, ServerFrame } from './types';
import { readSyncBody, SyncType, syncFrame } from './y-sync';

/** Hocuspocus message types (@hocuspocus/server MessageType). */
const HocuspocusType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  syncReply: 4,
  syncStatus: 8,
} as const;
/** Sub-types of an Auth message (@hocuspocus/common AuthMessageType). */
const AuthType = { token: 0, permissionDenied: 1, authenticated: 2 } as const;

const address = (room: string) => (encoder: encoding.Encoder) =>
  encoding.writeVarString(encoder, room);

function authFrame(room: string, token: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, room);
  encoding.writeVarUint(encoder, HocuspocusType.auth);
  encoding.writeVarUint(encoder, AuthType.token);
  encoding.writeVarString(encoder, token);
  return encoding.toUint8Array(encoder);
}

export const hocuspocusDialect: Dialect = {
  name: 'hocuspocus',
  // The server has no onAuthenticate hook, so any token passes; the Auth frame is still required.
  openingFrames: (room, stateVector) => [
    authFrame(room, 'bench'),
    syncFrame(address(room), SyncType.step1, stateVector),
  ],
  syncStep2Frame: (room, update) => syncFrame(address(room), SyncType.step2, update),
  updateFrame: (room, update) => syncFrame(address(room), SyncType.update, update),
  readFrame(frame): ServerFrame {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case HocuspocusType.sync:
      case HocuspocusType.syncReply:
        return readSyncBody(decoder);
      case HocuspocusType.auth: {
        const authType = decoding.readVarUint(decoder);
        if (authType === AuthType.authenticated) return { kind: 'auth-ok' };
        if (authType === AuthType.permissionDenied) {
          return { kind: 'denied', reason: decoding.readVarString(decoder) };
        }
        return { kind: 'other', type };
      }
      default:
        return { kind: 'other', type };
    }
  },
};
