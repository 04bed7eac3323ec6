// One simulated client: a WebSocket speaking a server's dialect, its own run of text (each edit
// appends to it, encoded directly: see append-update.ts), and frame counting. Probes also scan
// frames for edit markers; other clients never look inside an update once synced.
import * as Y from 'yjs';
import type { Samples } from './metrics';
import { appendUpdate, EMPTY_UPDATE } from './protocol/append-update';
import { markerText, scanMarkers } from './protocol/markers';
import { RawWebSocket } from './raw-socket';
import type { RunningServer } from './types';

export interface ClientPlan {
  /** Index of the client in its scenario. */
  index: number;
  /** Index of its document. */
  doc: number;
  room: string;
  /** Probes decode edit markers to measure latency and delivery. */
  probe: boolean;
  /** Yjs client id, drawn from the seed so every server sees the same ones. */
  clientId: number;
  /** Asks ours for saved acks and times them (the durable-ack measurement only). */
  acks: boolean;
  /** Position among its document's clients; on several nodes, picks the node (slot % nodes). */
  slot: number;
}

/** Receives the edit ids a probe found in a frame, with the receipt time. */
export type MarkerSink = (probe: SimClient, id: number, at: number) => void;

/** Frames a client keeps reading the header of after it synced, in case the step 1 comes late. */
const HANDSHAKE_GRACE_FRAMES = 20;

export class SimClient {
  socket: RawWebSocket | null = null;
  /** Open → the server's sync step 2, ms. */
  connectMs = Number.NaN;
  frames = 0;
  bytes = 0;
  editsSent = 0;
  /** The socket closed after it had synced. */
  dropped = false;
  sink: MarkerSink | null = null;
  /** Receives send → saved-ack times of this client's edits (acks clients only). */
  ackLatency: Samples | null = null;
  /** Edits waiting for a saved ack: [Yjs clock after the edit, send time]. */
  private readonly unacked: [number, number][] = [];
  private synced = false;
  private closing = false;
  private answeredStep1 = false;
  private framesAfterSync = 0;
  /** Everything this client wrote (its clock is the length: markers are ASCII). */
  private text = '';

  constructor(
    readonly plan: ClientPlan,
    private readonly server: RunningServer,
  ) {}

  /** Opens the socket and resolves once the server's sync step 2 arrived. */
  connect(timeoutMs: number): Promise<void> {
    const { url, headers } = this.server.socketTarget(
      this.plan.room,
      this.plan.acks,
      this.plan.slot,
    );
    const dialect = this.server.dialect;
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const fail = (error: Error) => {
        clearTimeout(timer);
        socket.terminate();
        reject(error);
      };
      const socket: RawWebSocket = new RawWebSocket(url, headers, timeoutMs, {
        error: (error) => {
          if (!this.synced) fail(error);
        },
        close: (code, reason) => {
          if (this.synced) this.dropped = !this.closing;
          else fail(new Error(`closed before sync: ${code} ${reason}`));
        },
        open: () => {
          for (const frame of dialect.openingFrames(this.plan.room, this.stateVector())) {
            socket.send(frame);
          }
        },
        message: (data, length) => {
          const at = performance.now();
          this.frames++;
          this.bytes += length;
          if (data && (!this.handshakeDone() || this.plan.acks)) {
            const frame = dialect.readFrame(data);
            if (frame.kind === 'saved') this.onSaved(frame.stateVector, at);
            if (frame.kind === 'sync-step1') {
              this.answeredStep1 = true;
              socket.send(
                dialect.syncStep2Frame(this.plan.room, this.missingUpdate(frame.stateVector)),
              );
            } else if (frame.kind === 'sync-step2' && !this.synced) {
              this.synced = true;
              this.connectMs = at - started;
              clearTimeout(timer);
              resolve();
            } else if (frame.kind === 'denied') {
              fail(new Error(`permission denied: ${frame.reason}`));
            }
            if (this.synced) this.framesAfterSync++;
          }
          if (data && this.plan.probe && this.sink) {
            const sink = this.sink;
            scanMarkers(data, (id) => sink(this, id, at));
          }
          // Past the handshake, a client that neither probes nor waits for acks only counts.
          socket.inspect = this.plan.probe || this.plan.acks || !this.handshakeDone();
        },
      });
      this.socket = socket;
      const timer = setTimeout(() => fail(new Error(`no sync within ${timeoutMs} ms`)), timeoutMs);
    });
  }

  private onSaved(stateVector: Uint8Array, at: number) {
    const saved = Y.decodeStateVector(stateVector).get(this.plan.clientId) ?? 0;
    let acked = 0;
    while (acked < this.unacked.length && (this.unacked[acked]?.[0] ?? Infinity) <= saved) {
      this.ackLatency?.push(at - (this.unacked[acked]?.[1] ?? at));
      acked++;
    }
    this.unacked.splice(0, acked);
  }

  private handshakeDone() {
    return this.synced && (this.answeredStep1 || this.framesAfterSync > HANDSHAKE_GRACE_FRAMES);
  }

  private stateVector(): Uint8Array {
    if (this.text.length === 0) return new Uint8Array([0]);
    return new Uint8Array([1, ...varUint(this.plan.clientId), ...varUint(this.text.length)]);
  }

  /** What a server holding `stateVector` lacks of this client's text. */
  private missingUpdate(stateVector: Uint8Array): Uint8Array {
    const held = Y.decodeStateVector(stateVector).get(this.plan.clientId) ?? 0;
    if (held >= this.text.length) return EMPTY_UPDATE;
    return appendUpdate(this.plan.clientId, held, this.text.slice(held));
  }

  /**
   * Appends the marker of edit `id` to this client's text and sends the update.
   * Returns false when the socket is not open.
   */
  edit(id: number, sentAt: number): boolean {
    const socket = this.socket;
    if (socket?.readyState !== 'open') return false;
    const marker = markerText(id);
    const update = appendUpdate(this.plan.clientId, this.text.length, marker);
    this.text += marker;
    socket.send(this.server.dialect.updateFrame(this.plan.room, update));
    this.editsSent++;
    if (this.plan.acks) this.unacked.push([this.text.length, sentAt]);
    return true;
  }

  close() {
    this.closing = true;
    this.socket?.terminate();
    this.socket = null;
  }
}

/** lib0's variable-length unsigned integer. */
function varUint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push(0x80 | (rest & 0x7f));
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return bytes;
}
