// A saved version's body: the API's base64 Yjs update, turned into a Y.Doc of its own.
import * as Y from 'yjs';

/** The field Tiptap's Collaboration extension (and the server's restore) keep the body in. */
export const BODY_FIELD = 'default';

/** Decodes standard base64 into bytes. */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * A new Y.Doc holding a version's state, apart from the live document, for a read-only view.
 * Throws when the state does not decode.
 */
export function versionDoc(base64State: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base64ToBytes(base64State));
  return doc;
}
