// One simulated client: a WebSocket speaking a server's dialect, a local Y.Doc that only holds
// its own edits (enough to produce valid updates), and frame counting. Probes also scan frames
// for edit markers; other clients never look inside an update.
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Samples } from './metrics';
import { markerText, scanMarkers } from './protocol/markers';
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
  socket: WebSocket | null = null;
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
  private doc: Y.Doc | null = null;
  private lastUpdate: Uint8Array | null = null;

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
      const socket = new WebSocket(url, {
        headers,
        perMessageDeflate: false,
        skipUTF8Validation: true,
        handshakeTimeout: timeoutMs,
      });
      this.socket = socket;
      const timer = setTimeout(() => fail(new Error(`no sync within ${timeoutMs} ms`)), timeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        socket.terminate();
        reject(error);
      };
      socket.on('error', (error) => {
        if (!this.synced) fail(error);
      });
      socket.on('unexpected-response', (_request, response) =>
        fail(new Error(`upgrade refused: HTTP ${response.statusCode}`)),
      );
      socket.on('close', (code, reason) => {
        if (this.synced) this.dropped = !this.closing;
        else fail(new Error(`closed before sync: ${code} ${reason.toString()}`));
      });
      socket.on('open', () => {
        for (const frame of dialect.openingFrames(this.plan.room, this.stateVector())) {
          socket.send(frame);
        }
      });
      socket.on('message', (data: Buffer) => {
        const at = performance.now();
        this.frames++;
        this.bytes += data.length;
        if (!this.handshakeDone() || this.plan.acks) {
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
        if (this.plan.probe && this.sink) {
          const sink = this.sink;
          scanMarkers(data, (id) => sink(this, id, at));
        }
      });
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

  private ydoc(): Y.Doc {
    if (!this.doc) {
      const doc = new Y.Doc();
      doc.clientID = this.plan.clientId;
      doc.on('update', (update: Uint8Array) => {
        this.lastUpdate = update;
      });
      this.doc = doc;
    }
    return this.doc;
  }

  private stateVector(): Uint8Array {
    return this.doc ? Y.encodeStateVector(this.doc) : new Uint8Array([0]);
  }

  private missingUpdate(stateVector: Uint8Array): Uint8Array {
    return Y.encodeStateAsUpdate(this.ydoc(), stateVector);
  }

  /**
   * Appends the marker of edit `id` to this client's text and sends the update.
   * Returns false when the socket is not open.
   */
  edit(id: number, sentAt: number): boolean {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    const text = this.ydoc().getText('bench');
    text.insert(text.length, markerText(id));
    const update = this.lastUpdate;
    if (!update) return false;
    this.lastUpdate = null;
    socket.send(this.server.dialect.updateFrame(this.plan.room, update));
    this.editsSent++;
    if (this.plan.acks)
      this.unacked.push([Y.getState(this.ydoc().store, this.plan.clientId), sentAt]);
    return true;
  }

  close() {
    this.closing = true;
    this.socket?.terminate();
    this.socket = null;
    this.doc?.destroy();
  }
}
