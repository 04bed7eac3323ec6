// Seeded generators of hostile /collab frames: random bytes, mutated valid messages, truncated and
// corrupted Yjs updates, garbage varints, invalid UTF-8. Shared by collab-fuzz.test.ts and
// scripts/fuzz-collab.ts; the same seed gives the same frames.
import { MessageType, SyncStep } from '@uccn/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { Random } from './random';

export interface FuzzFrame {
  /** The generator that made it, for statistics. */
  kind: string;
  data: Uint8Array;
  /** Sent as a text frame (the bytes need not be UTF-8). */
  text: boolean;
  /**
   * No server may keep a connection open after it: it can never be a valid message (for the
   * access the frame is aimed at).
   */
  mustClose: boolean;
}

/** Byte sequences that are not UTF-8: a bad continuation, a surrogate, an overlong, too high. */
export const INVALID_UTF8: readonly (readonly number[])[] = [
  [0xc3, 0x28, 0x41, 0x41],
  [0xed, 0xa0, 0x80, 0x41],
  [0xc0, 0xaf, 0x41, 0x41],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80],
  [0xff, 0xfe, 0xfd, 0xfc],
  [0x41, 0x41, 0x41, 0xe2],
];

/** Four ASCII bytes that generated content carries, so that they can be swapped for others. */
const MARKER = 'QZQZ';
const MARKER_BYTES = new TextEncoder().encode(MARKER);

export const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

export function syncMessage(step: number, payload: Uint8Array) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** An awareness message from raw entries; `state` is written as given (any string). */
export function awarenessFrame(entries: { clientId: number; clock: number; state: string }[]) {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientId);
    encoding.writeVarUint(inner, entry.clock);
    encoding.writeVarString(inner, entry.state);
  }
  return envelope(MessageType.Awareness, encoding.toUint8Array(inner));
}

function envelope(type: number, payload: Uint8Array) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A varuint that no decoder should accept: more than 53 bits, `extra` continuation bytes. */
export function varintBomb(extra: number) {
  return new Uint8Array([...Array.from({ length: extra }, () => 0xff), 0x01]);
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
};

/** Replaces every occurrence of MARKER in `bytes` with `replacement` (same length). */
export function replaceMarker(bytes: Uint8Array, replacement: readonly number[]) {
  const out = bytes.slice();
  for (let index = 0; index + MARKER_BYTES.length <= out.length; index += 1) {
    if (MARKER_BYTES.every((byte, offset) => out[index + offset] === byte)) {
      out.set(replacement, index);
    }
  }
  return out;
}

/** Splits a sync or awareness frame into type, step and payload; null for anything else. */
export function parseEnvelope(frame: Uint8Array) {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type !== MessageType.Sync && type !== MessageType.Awareness) return null;
    const step = type === MessageType.Sync ? decoding.readVarUint(decoder) : null;
    return { type, step, payload: decoding.readVarUint8Array(decoder) };
  } catch {
    return null; // Not an envelope: the caller mutates the bytes as they are.
  }
}

/**
 * Valid messages made from a replica of the target document, edited with seeded client ids:
 * the material that the mutators corrupt.
 */
export class ValidMessages {
  readonly updates: Uint8Array[] = [];
  /** Updates whose content carries MARKER in a string, a root name or a map key. */
  readonly marked: Uint8Array[] = [];
  readonly frames: Uint8Array[] = [];
  private readonly replica = new Y.Doc();

  constructor(
    private readonly random: Random,
    targetState: Uint8Array,
  ) {
    Y.applyUpdate(this.replica, targetState);
    this.replica.on('update', (update: Uint8Array) => this.updates.push(update));
    for (let index = 0; index < 40; index += 1) this.edit();
    for (const update of this.updates) this.frames.push(syncMessage(SyncStep.Update, update));
    this.frames.push(syncMessage(SyncStep.Step1, Y.encodeStateVector(this.replica)));
    this.frames.push(syncMessage(SyncStep.Step1, new Uint8Array([0])));
    this.frames.push(syncMessage(SyncStep.Step2, Y.encodeStateAsUpdate(this.replica)));
    this.frames.push(new Uint8Array([MessageType.QueryAwareness]));
    for (let index = 0; index < 8; index += 1) this.frames.push(this.awareness());
    for (const update of this.marked) this.frames.push(syncMessage(SyncStep.Update, update));
  }

  private edit() {
    const { random, replica } = this;
    replica.clientID = random.int(1, 2 ** 32 - 1);
    const text = replica.getText(random.pick(['t', 'notes']));
    const kind = random.int(0, 7);
    if (kind === 0 || text.length === 0) {
      text.insert(random.int(0, text.length), random.pick(['hello ', 'é中😀 ', `${MARKER} `]));
    } else if (kind === 1) {
      const at = random.int(0, text.length - 1);
      text.delete(at, random.int(1, Math.min(8, text.length - at)));
    } else if (kind === 2) {
      text.format(0, Math.min(3, text.length), { bold: true, [MARKER]: MARKER });
    } else if (kind === 3) {
      const map = replica.getMap(random.pick(['m', MARKER]));
      map.set(random.pick(['a', 'b', MARKER]), randomValue(random, 3));
    } else if (kind === 4) {
      const array = replica.getArray('a');
      // Wrapped: Y.Array.insert takes no bare bigint, but nests one in a plain value.
      array.insert(0, [[randomValue(random, 2)], new Uint8Array([1, 2, 3]), new Y.Map()]);
    } else if (kind === 5) {
      const fragment = replica.getXmlFragment('default');
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.setAttribute('data-x', MARKER);
      paragraph.insert(0, [new Y.XmlText(`para ${MARKER}`)]);
      fragment.insert(0, [paragraph]);
    } else if (kind === 6) {
      text.insertEmbed(0, { image: MARKER });
    } else {
      replica.getMap('m').set('sub', new Y.Doc());
    }
    const last = this.updates.at(-1);
    if (last && new TextDecoder().decode(last).includes(MARKER)) this.marked.push(last);
  }

  awareness() {
    const { random } = this;
    const state = random.pick([
      JSON.stringify({ cursor: { anchor: random.int(0, 9), head: 2 } }),
      'null',
      JSON.stringify({ user: { id: 'someone-else', name: 'Spoof' } }),
      JSON.stringify({ user: null, note: MARKER }),
      '[1,2,3]',
      '{"__proto__":{"polluted":true}}',
    ]);
    const entries = Array.from({ length: random.int(1, 3) }, () => ({
      clientId: random.int(0, 2 ** 32),
      clock: random.int(0, 1000),
      state,
    }));
    return awarenessFrame(entries);
  }
}

function randomValue(random: Random, depth: number): unknown {
  const choice = random.int(0, depth > 0 ? 7 : 5);
  if (choice === 0) return random.int(-(2 ** 40), 2 ** 40);
  if (choice === 1) return random.next() * 1e6;
  if (choice === 2) return `${MARKER}-${random.int(0, 999)}`;
  if (choice === 3) return random.chance(0.5);
  if (choice === 4) return null;
  if (choice === 5) return BigInt(random.int(0, 2 ** 31)) * 2n ** 40n;
  if (choice === 6) return [randomValue(random, depth - 1), randomValue(random, depth - 1)];
  return { k: randomValue(random, depth - 1), [MARKER]: randomValue(random, depth - 1) };
}

type Mutator = (random: Random, bytes: Uint8Array) => Uint8Array;

/** Byte-level mutations, the classic ones. */
export const MUTATORS: Record<string, Mutator> = {
  truncate: (random, bytes) => bytes.slice(0, random.int(0, Math.max(0, bytes.length - 1))),
  bitflip: (random, bytes) => {
    const out = bytes.slice();
    for (let flips = random.int(1, 8); flips > 0 && out.length > 0; flips -= 1) {
      const at = random.int(0, out.length - 1);
      out[at] = (out[at] ?? 0) ^ (1 << random.int(0, 7));
    }
    return out;
  },
  insert: (random, bytes) => {
    const at = random.int(0, bytes.length);
    const inserted = randomBytes(random, random.int(1, 16));
    return concat(bytes.subarray(0, at), inserted, bytes.subarray(at));
  },
  delete: (random, bytes) => {
    if (bytes.length === 0) return bytes;
    const at = random.int(0, bytes.length - 1);
    return concat(bytes.subarray(0, at), bytes.subarray(at + random.int(1, 16)));
  },
  interesting: (random, bytes) => {
    const out = bytes.slice();
    if (out.length > 0) out[random.int(0, out.length - 1)] = random.pick([0, 0x7f, 0x80, 0xff, 1]);
    return out;
  },
  varintBomb: (random, bytes) => {
    const at = random.int(0, bytes.length);
    return concat(bytes.subarray(0, at), varintBomb(random.int(8, 24)), bytes.subarray(at));
  },
  duplicate: (random, bytes) => {
    const from = random.int(0, bytes.length);
    const to = Math.min(bytes.length, from + random.int(1, 32));
    return concat(bytes.subarray(0, to), bytes.subarray(from, to), bytes.subarray(to));
  },
  invalidUtf8: (random, bytes) => replaceMarker(bytes, random.pick(INVALID_UTF8)),
};

function randomBytes(random: Random, length: number) {
  const out = new Uint8Array(length);
  for (let index = 0; index < length; index += 1) out[index] = random.int(0, 255);
  return out;
}

/** An endless, seeded stream of hostile frames aimed at one document with one access. */
export class FrameSource {
  private readonly valid: ValidMessages;

  constructor(
    private readonly random: Random,
    targetState: Uint8Array,
    private readonly options: { canWrite: boolean; maxFrameBytes: number },
  ) {
    this.valid = new ValidMessages(random, targetState);
  }

  next(): FuzzFrame {
    const { random } = this;
    const roll = random.next();
    if (roll < 0.12) return this.randomFrame();
    if (roll < 0.42) return this.mutatedFrame();
    if (roll < 0.72) return this.mutatedUpdate();
    if (roll < 0.8) return this.corruptLength();
    if (roll < 0.86) return this.garbageVarint();
    if (roll < 0.9) return this.garbageStep1();
    if (roll < 0.94) return this.mutatedAwareness();
    if (roll < 0.97) return this.unknownType();
    if (roll < 0.985) return this.textFrame();
    if (roll < 0.998) return frame('valid', random.pick(this.valid.frames), false);
    return this.oversized();
  }

  private randomFrame(): FuzzFrame {
    const { random } = this;
    const length = random.chance(0.1) ? 0 : Math.floor(-Math.log(1 - random.next()) * 24);
    const data = randomBytes(random, length);
    // A message type the server knows makes the decoder go further than the first byte.
    if (data.length > 0 && random.chance(0.6)) data[0] = random.pick([0, 1, 3]);
    return frame(length === 0 ? 'empty' : 'random', data, length === 0);
  }

  private mutatedFrame(): FuzzFrame {
    const [name, mutate] = this.random.pick(Object.entries(MUTATORS));
    const base = this.random.pick(this.valid.frames);
    const data = mutate(this.random, base);
    // Every valid frame is a sync, awareness or query message: any strict prefix of one runs
    // out of bytes (the prefix of a query is the empty frame).
    return frame(`frame.${name}`, data, name === 'truncate');
  }

  /** A mutated Yjs update inside a well-formed sync envelope: the update decoder's turn. */
  private mutatedUpdate(): FuzzFrame {
    const { random } = this;
    const [name, mutate] = random.pick(Object.entries(MUTATORS));
    const source = name === 'invalidUtf8' ? this.valid.marked : this.valid.updates;
    const update = random.pick(source.length > 0 ? source : this.valid.updates);
    const mutated = mutate(random, update);
    const step = random.pick([SyncStep.Step2, SyncStep.Update]);
    // Truncated updates (yjs #479, #498) and invalid UTF-8 never decode: a writer is closed.
    const fatal = (name === 'truncate' && mutated.length < update.length) || name === 'invalidUtf8';
    return frame(
      `update.${name}`,
      syncMessage(step, mutated),
      this.options.canWrite && fatal && hasChanged(update, mutated),
    );
  }

  private corruptLength(): FuzzFrame {
    const { random } = this;
    const base = random.pick(this.valid.frames);
    const parsed = parseEnvelope(base);
    if (!parsed) return frame('length.none', MUTATORS.bitflip?.(random, base) ?? base, false);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, parsed.type);
    if (parsed.step !== null) encoding.writeVarUint(encoder, parsed.step);
    const claimed = random.pick([
      parsed.payload.length + random.int(1, 64),
      random.int(0, Math.max(0, parsed.payload.length - 1)),
      2 ** 31,
      2 ** 53 - 1,
    ]);
    encoding.writeVarUint(encoder, claimed);
    encoding.writeUint8Array(encoder, parsed.payload);
    // Claiming more than is there always fails; claiming less leaves trailing bytes.
    return frame('length', encoding.toUint8Array(encoder), claimed > parsed.payload.length);
  }

  private garbageVarint(): FuzzFrame {
    const { random } = this;
    const bomb = varintBomb(random.int(8, 40));
    const place = random.int(0, 3);
    if (place === 0) return frame('varint.type', concat(bomb, randomBytes(random, 4)), true);
    if (place === 1) return frame('varint.step', concat(new Uint8Array([0]), bomb), true);
    if (place === 2) return frame('varint.length', concat(new Uint8Array([0, 2]), bomb), true);
    // The count of awareness entries, then a client id, out of range.
    const inner = concat(random.chance(0.5) ? bomb : new Uint8Array([1]), bomb);
    return frame('varint.awareness', envelope(MessageType.Awareness, inner), true);
  }

  private garbageStep1(): FuzzFrame {
    const { random } = this;
    const vector = random.pick([
      () => randomBytes(random, random.int(0, 40)),
      () => concat(new Uint8Array([0x7f]), randomBytes(random, 8)),
      () => {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, 2);
        for (let index = 0; index < 2; index += 1) {
          encoding.writeVarUint(encoder, random.int(0, 2 ** 32));
          encoding.writeVarUint(encoder, random.pick([0, 1, 2 ** 31, 2 ** 53 - 1]));
        }
        return encoding.toUint8Array(encoder);
      },
      () => concat(new Uint8Array([1]), varintBomb(12)),
    ])();
    return frame('step1', syncMessage(SyncStep.Step1, vector), false);
  }

  private mutatedAwareness(): FuzzFrame {
    const { random } = this;
    const entries = Array.from({ length: random.int(0, 3) }, () => ({
      clientId: random.pick([0, random.int(0, 2 ** 32), 2 ** 53 - 1]),
      clock: random.pick([0, random.int(0, 99), 2 ** 53 - 1]),
      state: random.pick(['{', '', 'undefined', '{"user":42}', `"${MARKER}"`, '{"a":1}']),
    }));
    const valid = awarenessFrame(entries);
    if (random.chance(0.5)) return frame('awareness', valid, false);
    const broken = replaceMarker(awarenessFrame([{ clientId: 1, clock: 1, state: MARKER }]), [
      ...random.pick(INVALID_UTF8),
    ]);
    return frame('awareness.utf8', broken, true);
  }

  private unknownType(): FuzzFrame {
    const { random } = this;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, random.pick([2, 4, 5, 99, 100, 127, 128, 255, 2 ** 31]));
    encoding.writeUint8Array(encoder, randomBytes(random, random.int(0, 16)));
    return frame('type', encoding.toUint8Array(encoder), true);
  }

  private textFrame(): FuzzFrame {
    const { random } = this;
    const data = random.chance(0.5)
      ? random.pick(this.valid.frames)
      : new TextEncoder().encode(random.pick(['hello', '{"type":"sync"}', '', '\u0000']));
    if (random.chance(0.3)) {
      return frame('text.utf8', new Uint8Array(random.pick(INVALID_UTF8)), true, true);
    }
    return frame('text', data, true, true);
  }

  private oversized(): FuzzFrame {
    const size = this.options.maxFrameBytes + this.random.int(1, 4096);
    const data = new Uint8Array(size);
    return frame('oversized', syncMessage(SyncStep.Update, data).subarray(0, size), true);
  }
}

function frame(kind: string, data: Uint8Array, mustClose: boolean, text = false): FuzzFrame {
  return { kind, data, text, mustClose };
}

function hasChanged(before: Uint8Array, after: Uint8Array) {
  return before.length !== after.length || before.some((byte, index) => after[index] !== byte);
}

/**
 * Frames that can never be valid: each must close its connection, and none may change anything.
 * Truncations at every length (yjs #479, #498), invalid UTF-8 (Hocuspocus #418), varints out of
 * range (y-websocket #82), unknown types, text, empty and oversized frames.
 */
export function knownBadFrames(
  random: Random,
  targetState: Uint8Array,
  options: { canWrite: boolean; maxFrameBytes: number },
): FuzzFrame[] {
  const valid = new ValidMessages(random, targetState);
  const frames: FuzzFrame[] = [];
  const add = (kind: string, data: Uint8Array, text = false) =>
    frames.push(frame(kind, data, true, text));
  const cuts = (length: number) =>
    length <= 400
      ? Array.from({ length: length - 1 }, (_, index) => index + 1)
      : Array.from({ length: 200 }, () => random.int(1, length - 1));
  if (options.canWrite) {
    // Read-only connections never decode an update, so these matter for writers only.
    for (const update of valid.updates.slice(0, 4)) {
      for (const cut of cuts(update.length)) {
        add('known.update.truncated', syncMessage(SyncStep.Update, update.subarray(0, cut)));
      }
    }
    for (const update of valid.marked.slice(0, 6)) {
      for (const bytes of INVALID_UTF8) {
        add('known.update.utf8', syncMessage(SyncStep.Update, replaceMarker(update, bytes)));
      }
    }
  }
  for (const base of valid.frames.slice(-12)) {
    for (const cut of cuts(base.length).slice(0, 60))
      add('known.frame.truncated', base.subarray(0, cut));
  }
  for (const bytes of INVALID_UTF8) {
    add(
      'known.awareness.utf8',
      replaceMarker(awarenessFrame([{ clientId: 1, clock: 1, state: `{"a":"${MARKER}"}` }]), bytes),
    );
    add('known.text.utf8', new Uint8Array(bytes), true);
  }
  for (let extra = 8; extra <= 20; extra += 1) {
    const bomb = varintBomb(extra);
    add('known.varint.type', bomb);
    add('known.varint.step', concat(new Uint8Array([MessageType.Sync]), bomb));
    add('known.varint.length', concat(new Uint8Array([MessageType.Sync, SyncStep.Update]), bomb));
    add('known.varint.awareness', envelope(MessageType.Awareness, bomb));
    add('known.varint.client', envelope(MessageType.Awareness, concat(new Uint8Array([1]), bomb)));
  }
  for (const type of [2, 4, 5, 99, 100, 101, 127, 128, 2 ** 31, 2 ** 53 - 1]) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, type);
    add('known.type', encoding.toUint8Array(encoder));
  }
  const first = valid.frames[0] ?? new Uint8Array([0]);
  add('known.empty', new Uint8Array(0));
  add('known.text', new TextEncoder().encode('{"type":"sync"}'), true);
  add('known.text', first, true);
  add(
    'known.length',
    concat(
      new Uint8Array([MessageType.Sync, SyncStep.Update]),
      new Uint8Array([0xff, 0xff, 0xff, 0x0f]),
    ),
  );
  add('known.oversized', new Uint8Array(options.maxFrameBytes + 1));
  return frames;
}

/**
 * An update that sets a map entry to an array nested `depth` deep: Yjs reads and writes such
 * values recursively, so a deep one may decode in one place and overflow the stack in another.
 */
export function deeplyNestedUpdate(depth: number) {
  const sentinel = 123_456_789;
  const doc = new Y.Doc();
  doc.getMap('deep').set(`depth-${depth}`, [sentinel]);
  const update = Y.encodeStateAsUpdate(doc);
  const encoder = encoding.createEncoder();
  encoding.writeAny(encoder, [sentinel]);
  const leaf = encoding.toUint8Array(encoder);
  const at = findBytes(update, leaf);
  if (at < 0) throw new Error('the nested value is not in the update');
  const opening = new Uint8Array((depth - 1) * 2);
  for (let index = 0; index < opening.length; index += 2) opening.set([0x75, 0x01], index);
  return concat(update.subarray(0, at), opening, leaf, update.subarray(at + leaf.length));
}

function findBytes(haystack: Uint8Array, needle: Uint8Array) {
  for (let index = 0; index + needle.length <= haystack.length; index += 1) {
    if (needle.every((byte, offset) => haystack[index + offset] === byte)) return index;
  }
  return -1;
}

/**
 * Two updates that claim the same ids with different content: `real` integrates; `bogus` has
 * its origin on a client nobody knows, so it waits for a dependency that never comes.
 */
export function conflictingUpdates(targetState: Uint8Array, clientId: number, name: string) {
  const real = new Y.Doc();
  Y.applyUpdate(real, targetState);
  const known = Y.encodeStateVector(real);
  real.clientID = clientId;
  real.getText(name).insert(0, 'REAL CONTENT');
  const bogus = new Y.Doc();
  bogus.clientID = clientId + 1;
  bogus.getText(name).insert(0, 'x');
  const phantom = Y.encodeStateVector(bogus);
  bogus.clientID = clientId;
  bogus.getText(name).insert(1, 'BOGUS CONTENT');
  return {
    real: Y.encodeStateAsUpdate(real, known),
    bogus: Y.encodeStateAsUpdate(bogus, phantom),
  };
}

/**
 * A forged update: one string item at `clock` 3 of `client` with, as parent, the later id
 * `client`:7. It waits for clocks 0–2 of its client; when they come, Yjs throws integrating it.
 */
export function forwardReferenceUpdate(client: number) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // clients
  encoding.writeVarUint(encoder, 1); // structs of this client
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, 3); // clock
  encoding.writeUint8(encoder, 4); // ContentString, no origin, no right origin, no parentSub
  encoding.writeVarUint(encoder, 0); // the parent is an id, not a root name
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, 7);
  encoding.writeVarString(encoder, 'forged');
  encoding.writeVarUint(encoder, 0); // empty delete set
  return encoding.toUint8Array(encoder);
}
