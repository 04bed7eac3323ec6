// Updates that claim ids a document already holds. Yjs keeps such a struct pending when one of
// its dependencies is missing, and merges pending structs into every encoded state, where the
// forged copy may win over the real content; Y.mergeUpdates has no precedence between copies
// either. Found by fuzzing /collab: a writer could make others' text vanish from new clients and,
// at compaction, from the store. These keep such copies out.
import * as Y from 'yjs';
import { encodeClocks } from './state-vector';

/**
 * Drops the pending structs that overlap ids the document holds: they can never be integrated
 * (the same id with the same dependencies would have been), so only a conflicting copy is lost.
 * What waited on a dropped copy may be ready now (the id it needs is held), but Yjs retries only
 * when a missing client advances: the rest is applied again, as `origin`, and what is still
 * missing stays pending. Call it after every transaction.
 */
export function dropConflictingPending(doc: Y.Doc, origin: unknown = null) {
  const pending = doc.store.pendingStructs;
  if (!pending) return;
  const kept = withoutHeldIds(pending.update, Y.decodeStateVector(Y.encodeStateVector(doc)));
  if (kept === pending.update) return;
  doc.store.pendingStructs = null;
  Y.applyUpdateV2(doc, kept, origin);
}

/**
 * Removes from a (V2) update every struct that starts below the held clock of its client, whole:
 * slicing it, as Y.diffUpdate does, would give the rest an origin it never had, and resolve a
 * dependency that is in fact missing.
 */
function withoutHeldIds(update: Uint8Array, held: Map<number, number>) {
  const cut = new Map<number, number>();
  for (const struct of Y.decodeUpdateV2(update).structs) {
    const { client, clock } = struct.id;
    const known = held.get(client) ?? 0;
    if (struct instanceof Y.Skip || clock >= known) continue;
    cut.set(client, Math.max(cut.get(client) ?? known, clock + struct.length));
  }
  if (cut.size === 0) return update;
  return Y.diffUpdateV2(update, encodeClocks(new Map([...held, ...cut])));
}

/**
 * Merges `updates` under `state` the way a document loading them would: `state` first, so its
 * content wins for every id it holds, then what the updates add. Used to write snapshots, where a
 * log may hold a conflicting copy of an id (logged while it waited for a dependency).
 * @example const snapshot = mergeOver(Y.encodeStateAsUpdate(doc), [previous, ...rows]);
 */
export function mergeOver(state: Uint8Array, updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    doc.on('afterTransaction', () => dropConflictingPending(doc));
    Y.transact(doc, () => {
      Y.applyUpdate(doc, state);
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
