// Yjs updates of a simulated client, encoded directly: each client only ever appends to its own
// run of text, so every edit is one Item, and building a Y.Doc per client and per edit (a third of
// the load generator's time) is not needed. `checkAppendUpdates` compares with Yjs at start-up.
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** Name of the root Y.Text every client appends to. */
export const BENCH_TEXT = 'bench';
/** Item info byte: ContentString (ref 4), optionally with a left origin (bit 8). */
const CONTENT_STRING = 4;
const HAS_ORIGIN = 0x80;
/** Update v1 of nothing: no structs, no deletions. */
export const EMPTY_UPDATE = new Uint8Array([0, 0]);

/**
 * The v1 update that writes `text` as client `client`'s characters from `clock` on: at clock 0
 * the start of the root text, otherwise right after the client's own character `clock - 1`.
 * Text is ASCII here, so its length is its Yjs clock length.
 */
export function appendUpdate(client: number, clock: number, text: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // one client
  encoding.writeVarUint(encoder, 1); // one struct
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, clock);
  if (clock === 0) {
    encoding.writeUint8(encoder, CONTENT_STRING);
    encoding.writeVarUint(encoder, 1); // parent: a root type, by name
    encoding.writeVarString(encoder, BENCH_TEXT);
  } else {
    encoding.writeUint8(encoder, HAS_ORIGIN | CONTENT_STRING);
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock - 1);
  }
  encoding.writeVarString(encoder, text);
  encoding.writeVarUint(encoder, 0); // empty delete set
  return encoding.toUint8Array(encoder);
}

/** Throws unless `appendUpdate` writes what Yjs writes for the same appends, byte for byte. */
export function checkAppendUpdates() {
  const doc = new Y.Doc();
  doc.clientID = 1234567;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText(BENCH_TEXT);
  const parts = ['#00000001;', '#00000002;', '#0000abcd;'];
  let clock = 0;
  parts.forEach((part, index) => {
    text.insert(text.length, part);
    const mine = appendUpdate(doc.clientID, clock, part);
    if (Buffer.compare(Buffer.from(mine), Buffer.from(updates[index] ?? [])) !== 0) {
      throw new Error(`appendUpdate differs from Yjs at edit ${index}`);
    }
    clock += part.length;
  });
  // The rest of the run from a clock on (a sync step 2 answer) rebuilds the same document.
  const rebuilt = new Y.Doc();
  Y.applyUpdate(rebuilt, appendUpdate(doc.clientID, 0, parts[0] ?? ''));
  Y.applyUpdate(rebuilt, appendUpdate(doc.clientID, 10, parts.slice(1).join('')));
  const sameVector =
    Buffer.compare(
      Buffer.from(Y.encodeStateVector(rebuilt)),
      Buffer.from(Y.encodeStateVector(doc)),
    ) === 0;
  if (rebuilt.getText(BENCH_TEXT).toString() !== text.toString() || !sameVector) {
    throw new Error('appendUpdate from a clock does not rebuild the document');
  }
}
