// Encodes a client → clock map in Yjs's state-vector format, which Y.decodeStateVector reads.
import * as encoding from 'lib0/encoding';

export function encodeClocks(clocks: Map<number, number>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, clocks.size);
  for (const [client, clock] of clocks) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
  return encoding.toUint8Array(encoder);
}
