// Validates a Yjs update before it may touch a document. Y.applyUpdate integrates structs before
// it reads the delete set, so a truncated update would be half-applied (yjs #479, #498): decoding
// the whole update first turns every malformed one into an exception with nothing applied.
import * as Y from 'yjs';

export interface CheckedUpdate {
  /** True when the update carries neither structs nor deletions. */
  empty: boolean;
  /** Highest clock + 1 per client id among its structs: what a saved ack must cover. */
  clocks: Map<number, number>;
  /** Lowest start clock per client id among its structs: below a held clock, it overlaps. */
  starts: Map<number, number>;
}

/**
 * Deepest nesting of arrays and objects allowed in a value (map entry, array element, attribute,
 * embed, format). Yjs reads and writes values recursively, and writing takes more stack than
 * reading: a value nested ~7000 deep decoded here, was integrated, then overflowed the stack when
 * the update was encoded for the log, leaving it in memory but never saved (found by fuzzing).
 */
export const MAX_VALUE_DEPTH = 100;

export function checkUpdate(update: Uint8Array): CheckedUpdate {
  const { structs, ds } = Y.decodeUpdate(update);
  const clocks = new Map<number, number>();
  const starts = new Map<number, number>();
  for (const struct of structs) {
    const { client, clock } = struct.id;
    const end = clock + struct.length;
    if ((clocks.get(client) ?? 0) < end) clocks.set(client, end);
    if ((starts.get(client) ?? Number.POSITIVE_INFINITY) > clock) starts.set(client, clock);
    if (!(struct instanceof Y.Item)) continue;
    if (valuesOf(struct.content).some(nestedTooDeeply)) {
      throw new Error(`a value is nested more than ${MAX_VALUE_DEPTH} deep`);
    }
    if (refersForward(struct)) throw new Error('an item refers to a later id of its own client');
  }
  return { empty: structs.length === 0 && ds.clients.size === 0, clocks, starts };
}

/**
 * Whether an item names as origin, right origin or parent an id of its own client that is not
 * older than itself. A client only ever refers to what existed before, so only a forged update
 * does; Yjs does not treat such a reference as missing but throws when it integrates the item,
 * and if that happens when a pending update is retried, every later load of the log throws
 * too: the document could never be opened again (found by fuzzing).
 */
function refersForward(item: Y.Item) {
  const { client, clock } = item.id;
  return [item.origin, item.rightOrigin, item.parent].some(
    (id) => id instanceof Y.ID && id.client === client && id.clock >= clock,
  );
}

function valuesOf(content: Y.Item['content']): unknown[] {
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) return content.arr;
  if (content instanceof Y.ContentEmbed) return [content.embed];
  if (content instanceof Y.ContentFormat) return [content.value];
  return [];
}

/** Iterative, so that the check itself cannot overflow the stack. */
function nestedTooDeeply(value: unknown): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const current = next.value;
    if (typeof current !== 'object' || current === null || current instanceof Uint8Array) continue;
    if (next.depth >= MAX_VALUE_DEPTH) return true;
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) stack.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}

/**
 * Whether the update holds a struct that starts below what `doc` holds of its client: only then
 * does it need cutting (Y.diffUpdate) before it is applied. Cheaper than encoding the state
 * vector of a document with many past editors for every update.
 */
export function overlapsHeld(checked: CheckedUpdate, doc: Y.Doc): boolean {
  for (const [client, start] of checked.starts) {
    if (start < Y.getState(doc.store, client)) return true;
  }
  return false;
}

/** Merges clock maps, keeping the highest clock per client. */
export function mergeClocks(into: Map<number, number>, from: Map<number, number>) {
  for (const [client, clock] of from) {
    if ((into.get(client) ?? 0) < clock) into.set(client, clock);
  }
}
