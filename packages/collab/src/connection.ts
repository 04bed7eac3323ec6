// One client's connection to a document room: its socket, identity, access, the awareness
// client ids it speaks for, and what of its edits is committed (for saved acknowledgements).
import { CloseCode, CloseReason, encodeSavedMessage } from '@uccn/protocol';
import { TokenBucket } from './rate';
import { encodeClocks } from './state-vector';
import type { CollabSocket, ConnectionIdentity, DocumentAccess, RoomLimits } from './types';
import { mergeClocks } from './update-check';

let nextConnectionId = 1;

export interface ConnectionOptions {
  socket: CollabSocket;
  identity: ConnectionIdentity;
  access: DocumentAccess;
  /** The client asked for saved acknowledgements (`?acks=1`). */
  wantsAcks: boolean;
}

export class Connection {
  readonly id = nextConnectionId++;
  readonly socket: CollabSocket;
  readonly identity: ConnectionIdentity;
  access: DocumentAccess;
  readonly wantsAcks: boolean;
  /** Awareness client ids this connection has spoken for. */
  readonly awarenessClients = new Set<number>();
  /** Messages that arrived while the document was loading. */
  readonly queue: Uint8Array[] = [];
  closed = false;
  private readonly awarenessBucket: TokenBucket;
  private awarenessRefused = 0;
  private readonly savedClocks = new Map<number, number>();

  constructor(options: ConnectionOptions, limits: RoomLimits) {
    this.socket = options.socket;
    this.identity = options.identity;
    this.access = options.access;
    this.wantsAcks = options.wantsAcks;
    this.awarenessBucket = new TokenBucket(
      limits.awarenessPerSecond,
      limits.awarenessPerSecond * 2,
    );
  }

  get canWrite() {
    return this.access === 'write';
  }

  /**
   * Sends a frame unless the client has stopped reading: past `maxBufferedBytes` of unsent data
   * the connection is closed, so one slow client cannot make the server hold unbounded memory.
   */
  send(data: Uint8Array, maxBufferedBytes: number) {
    if (this.closed) return;
    if (this.socket.bufferedAmount > maxBufferedBytes) {
      this.close(CloseCode.SlowConsumer);
      return;
    }
    try {
      this.socket.send(data);
    } catch {
      this.close(CloseCode.InternalError);
    }
  }

  /** Whether one more awareness message fits the rate; repeated floods close the connection. */
  allowAwareness(): boolean {
    if (this.awarenessBucket.take()) {
      this.awarenessRefused = 0;
      return true;
    }
    this.awarenessRefused += 1;
    if (this.awarenessRefused > 100) this.close(CloseCode.RateLimited);
    return false;
  }

  /** Records that edits up to these clocks are committed, and tells the client if it asked. */
  acknowledge(clocks: Map<number, number>, maxBufferedBytes: number) {
    if (!this.wantsAcks || this.closed) return;
    mergeClocks(this.savedClocks, clocks);
    this.send(encodeSavedMessage(encodeClocks(this.savedClocks)), maxBufferedBytes);
  }

  /** Called once when the server closes this connection (set by the room, which lets it go). */
  onClosed: (() => void) | undefined;

  close(code: CloseCode, reason: string = CloseReason[code]) {
    if (this.closed) return;
    this.closed = true;
    try {
      this.socket.close(code, reason);
    } catch {
      // The socket is already gone; nothing left to tell the client.
    }
    // The room lets go at once rather than when the closing handshake ends (up to ~30 s later
    // for a client that never answers): its carets vanish and its awareness ids are free again.
    this.onClosed?.();
  }
}
