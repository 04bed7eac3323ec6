// The room's view of one WebSocket. Broadcasts send the same message to every connection of a
// document, and frames from a server are unmasked, so the bytes on the wire are the same for
// every recipient: the frame is built once and written to each socket in one write, instead of
// ws framing it again per connection (a header, cork, two writes, uncork, writev). At saturation
// most of the server's time is these sends.
import type { Duplex } from 'node:stream';
import type { CollabSocket } from '@uccn/collab';
import { CloseCode } from '@uccn/protocol';
import { WebSocket } from 'ws';

/** FIN and the binary opcode: a whole binary message in one frame. */
const FIN_BINARY = 0x82;

/**
 * Messages above this size are written as header and payload (no copy, no frame kept): only small
 * frames are worth building once, and a large one (a whole document in a SyncStep2) goes to one
 * connection anyway.
 */
const MAX_SHARED_FRAME_BYTES = 64 * 1024;

/** One unmasked binary WebSocket frame (RFC 6455 §5.2) carrying `payload`. */
export function binaryFrame(payload: Uint8Array): Buffer {
  const frame = frameHeader(payload.byteLength, payload.byteLength);
  frame.set(payload, frame.byteLength - payload.byteLength);
  return frame;
}

/** The header of a frame carrying `length` bytes, in a buffer with room for `extra` more. */
function frameHeader(length: number, extra = 0): Buffer {
  const header = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + extra);
  frame[0] = FIN_BINARY;
  if (header === 2) {
    frame[1] = length;
  } else if (header === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  return frame;
}

/** The frame of the message sent last: a broadcast sends one message to many sockets in a row. */
let lastMessage: Uint8Array | null = null;
let lastFrame: Buffer = Buffer.alloc(0);

function frameOf(message: Uint8Array): Buffer {
  if (message !== lastMessage) {
    lastFrame = binaryFrame(message);
    lastMessage = message;
  }
  return lastFrame;
}

/**
 * A class, not an object literal with a getter per connection: a broadcast touches every
 * connection's socket, and one shape keeps those calls monomorphic.
 */
export class WsCollabSocket implements CollabSocket {
  /**
   * @param raw the upgraded TCP socket that `ws` also writes to (pings, close frames): whole
   * frames from both interleave only between frames.
   */
  constructor(
    private readonly ws: WebSocket,
    private readonly raw: Duplex,
  ) {}

  send(data: Uint8Array) {
    // Nothing may follow a close frame; ws.send would drop it too.
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (data.byteLength <= MAX_SHARED_FRAME_BYTES) {
      this.raw.write(frameOf(data));
      return;
    }
    this.raw.cork();
    this.raw.write(frameHeader(data.byteLength));
    this.raw.write(data);
    this.raw.uncork();
  }

  close(code: number, reason: string) {
    this.ws.close(code, reason);
    // A client that stopped reading would never see the close frame behind its backlog.
    if (code === CloseCode.SlowConsumer) this.ws.terminate();
  }

  get bufferedAmount() {
    return this.ws.bufferedAmount;
  }
}
