// Carries each document's updates and awareness to the other nodes that have it open, over the
// fan-out bus, and notices when it may have missed some: a sequence gap, a bus reconnect, or
// simply time passing — then the room catches up from the update log. Pub/sub is the fast path,
// never the only one.
import type { DocumentRoom } from '@uccn/collab';
import type { FanoutBus } from '@uccn/realtime';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics/metrics';

const Kind = { Update: 0, Awareness: 1 } as const;

interface FanoutMessage {
  node: string;
  seq: number;
  kind: number;
  sentAt: number;
  payload: Uint8Array;
}

export function encodeFanoutMessage(message: FanoutMessage) {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, message.node);
  encoding.writeVarUint(encoder, message.seq);
  encoding.writeVarUint(encoder, message.kind);
  encoding.writeFloat64(encoder, message.sentAt);
  encoding.writeVarUint8Array(encoder, message.payload);
  return encoding.toUint8Array(encoder);
}

export function decodeFanoutMessage(data: Uint8Array): FanoutMessage {
  const decoder = decoding.createDecoder(data);
  return {
    node: decoding.readVarString(decoder),
    seq: decoding.readVarUint(decoder),
    kind: decoding.readVarUint(decoder),
    sentAt: decoding.readFloat64(decoder),
    payload: decoding.readVarUint8Array(decoder),
  };
}

const channelOf = (documentId: string) => `doc:${documentId}`;

/**
 * The timed catch-up runs in this many slices of the interval, each for the documents that hash
 * to it: every open document is still read once per interval, but never all at once (a node with
 * hundreds of documents would otherwise send hundreds of transactions in one burst, and every
 * node's burst shows in everyone's latency).
 */
const CATCH_UP_SLICES = 10;

function sliceOf(documentId: string) {
  let hash = 0;
  for (let index = 0; index < documentId.length; index += 1) {
    hash = (hash * 31 + documentId.charCodeAt(index)) >>> 0;
  }
  return hash % CATCH_UP_SLICES;
}

export class DocumentFanout {
  private readonly subscriptions = new Map<string, Promise<() => Promise<void>>>();
  /** Our next sequence number per document. */
  private readonly sequences = new Map<string, number>();
  /** Last sequence seen per document and sending node. */
  private readonly seen = new Map<string, Map<string, number>>();
  private readonly catchUpTimer: NodeJS.Timeout;
  private nextSlice = 0;

  constructor(
    private readonly bus: FanoutBus,
    private readonly nodeId: string,
    private readonly rooms: () => Iterable<DocumentRoom>,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    catchUpMs: number,
  ) {
    this.catchUpTimer = setInterval(() => this.catchUpSlice(), catchUpMs / CATCH_UP_SLICES);
    this.catchUpTimer.unref();
  }

  /** Subscribes for a room that just opened, then catches up what passed before the subscription. */
  attach(room: DocumentRoom) {
    const documentId = room.documentId;
    const subscription = this.bus.subscribe(channelOf(documentId), (data) =>
      this.receive(room, data),
    );
    this.subscriptions.set(documentId, subscription);
    subscription.then(
      () => void room.catchUp(),
      (error: unknown) =>
        this.log.warn({ err: error, documentId }, 'subscribing to a document failed'),
    );
  }

  detach(room: DocumentRoom) {
    const subscription = this.subscriptions.get(room.documentId);
    this.subscriptions.delete(room.documentId);
    this.sequences.delete(room.documentId);
    this.seen.delete(room.documentId);
    subscription?.then((unsubscribe) => unsubscribe()).catch(() => {});
  }

  publishUpdate(documentId: string, update: Uint8Array) {
    this.publish(documentId, Kind.Update, update);
  }

  publishAwareness(documentId: string, update: Uint8Array) {
    this.publish(documentId, Kind.Awareness, update);
  }

  /** After the bus was down: everything may have been missed, so every room catches up. */
  catchUpAll() {
    for (const room of this.rooms()) void room.catchUp();
  }

  /** The timed catch-up of the documents in the next slice. */
  private catchUpSlice() {
    const slice = this.nextSlice;
    this.nextSlice = (slice + 1) % CATCH_UP_SLICES;
    for (const room of this.rooms()) {
      if (sliceOf(room.documentId) === slice) void room.catchUp();
    }
  }

  private publish(documentId: string, kind: number, payload: Uint8Array) {
    const seq = (this.sequences.get(documentId) ?? 0) + 1;
    this.sequences.set(documentId, seq);
    const message = encodeFanoutMessage({
      node: this.nodeId,
      seq,
      kind,
      sentAt: Date.now(),
      payload,
    });
    this.bus.publish(channelOf(documentId), message).catch(() => {
      // The bus is down (logged once by the bus). Other nodes catch up from the log.
      this.metrics.fanoutPublishFailures.inc();
    });
  }

  private receive(room: DocumentRoom, data: Uint8Array) {
    let message: FanoutMessage;
    try {
      message = decodeFanoutMessage(data);
    } catch {
      this.log.warn({ documentId: room.documentId }, 'undecodable fan-out message ignored');
      return;
    }
    if (message.node === this.nodeId) return;
    this.metrics.fanoutLag.observe(Math.max(0, Date.now() - message.sentAt) / 1000);
    const bySender = this.seen.get(room.documentId) ?? new Map<string, number>();
    this.seen.set(room.documentId, bySender);
    const last = bySender.get(message.node);
    bySender.set(message.node, message.seq);
    if (last !== undefined && message.seq !== last + 1) {
      this.metrics.fanoutGaps.inc();
      void room.catchUp();
    }
    if (message.kind === Kind.Update) room.applyRemoteUpdate(message.payload);
    else if (message.kind === Kind.Awareness) room.applyRemoteAwareness(message.payload);
  }

  /** Stops the timer and unsubscribes without waiting: while Redis is down that would wait for
   * it, and the bus, closed next, ends every subscription anyway. */
  async close() {
    clearInterval(this.catchUpTimer);
    const subscriptions = [...this.subscriptions.values()];
    this.subscriptions.clear();
    for (const subscription of subscriptions)
      subscription.then((unsubscribe) => unsubscribe()).catch(() => {});
  }
}
