// The standard y-websocket dialect (y-websocket-server, and the UCCN server at /collab/<id>).
import * as decoding from 'lib0/decoding';
import type { Dialect, ServerFrame } from './types';
import { MessageType, readSyncBody, SyncType, syncFrame } from './y-sync';

const noPrefix = () => {};
/** The UCCN server's saved acknowledgement (@uccn/protocol MessageType.Saved), sent only on `?acks=1`. */
const SAVED = 100;

export const yWebsocketDialect: Dialect = {
  name: 'y-websocket',
  openingFrames: (_room, stateVector) => [syncFrame(noPrefix, SyncType.step1, stateVector)],
  syncStep2Frame: (_room, update) => syncFrame(noPrefix, SyncType.step2, update),
  updateFrame: (_room, update) => syncFrame(noPrefix, SyncType.update, update),
  readFrame(frame): ServerFrame {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.sync) return readSyncBody(decoder);
    if (type === SAVED) return { kind: 'saved', stateVector: decoding.readVarUint8Array(decoder) };
    return { kind: 'other', type };
  },
};
