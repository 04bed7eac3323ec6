// A minimal WebSocket client (RFC 6455) for the load generator: a client that only receives
// counts frames by reading their headers and skips the payload bytes, with no per-frame Buffer,
// event or UTF-8 check. `ws` does all of that for every frame, and with a thousand clients the
// load generator, not the server, became the bottleneck. Payloads are read only while `inspect`
// is on (handshake, probes, saved acks).
import { randomBytes } from 'node:crypto';
import net from 'node:net';

const OPCODE_CONTINUATION = 0x0;
const OPCODE_CLOSE = 0x8;
const OPCODE_PING = 0x9;
const HEADER_END = Buffer.from('\r\n\r\n');

export interface RawSocketHandlers {
  open(): void;
  /** A whole message: its payload when `inspect` was on as it began, else null. */
  message(payload: Buffer | null, length: number): void;
  close(code: number, reason: string): void;
  error(error: Error): void;
}

export class RawWebSocket {
  readyState: 'connecting' | 'open' | 'closed' = 'connecting';
  /** Read payloads of the frames that begin from now on. */
  inspect = true;
  private readonly socket: net.Socket;
  private handshake: Buffer | null = Buffer.alloc(0);
  private leftover: Buffer | null = null;
  private remaining = 0;
  private opcode = 0;
  private fin = true;
  private collecting = false;
  private parts: Buffer[] = [];
  private messageLength = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    url: string,
    headers: Record<string, string>,
    timeoutMs: number,
    private readonly on: RawSocketHandlers,
  ) {
    const target = new URL(url);
    const port = Number(target.port || 80);
    this.socket = net.connect({ host: target.hostname, port });
    this.socket.setNoDelay(true);
    this.timer = setTimeout(() => this.fail(new Error('handshake timed out')), timeoutMs);
    this.socket.on('connect', () => {
      const lines = [
        `GET ${target.pathname}${target.search} HTTP/1.1`,
        `Host: ${target.host}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Version: 13',
        ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      ];
      this.socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
    this.socket.on('data', (chunk: Buffer) => {
      if (this.handshake) this.readHandshake(chunk);
      else this.readFrames(chunk);
    });
    this.socket.on('error', (error) => this.fail(error));
    this.socket.on('close', () => this.closed(1006, ''));
  }

  /** Sends one binary message (masked with a zero key: the bytes go as they are). */
  send(payload: Uint8Array) {
    if (this.readyState !== 'open') return;
    const length = payload.byteLength;
    const extra = length < 126 ? 0 : length < 65536 ? 2 : 8;
    const frame = Buffer.allocUnsafe(2 + extra + 4 + length);
    frame[0] = 0x82;
    if (extra === 0) frame[1] = 0x80 | length;
    else if (extra === 2) {
      frame[1] = 0x80 | 126;
      frame.writeUInt16BE(length, 2);
    } else {
      frame[1] = 0x80 | 127;
      frame.writeBigUInt64BE(BigInt(length), 2);
    }
    frame.writeUInt32BE(0, 2 + extra);
    frame.set(payload, 6 + extra);
    this.socket.write(frame);
  }

  terminate() {
    this.socket.destroy();
    this.closed(1006, '');
  }

  private sendControl(opcode: number, payload: Buffer) {
    const frame = Buffer.alloc(6 + payload.length);
    frame[0] = 0x80 | opcode;
    frame[1] = 0x80 | payload.length;
    payload.copy(frame, 6);
    this.socket.write(frame);
  }

  private readHandshake(chunk: Buffer) {
    const received = Buffer.concat([this.handshake ?? Buffer.alloc(0), chunk]);
    const end = received.indexOf(HEADER_END);
    if (end === -1) {
      this.handshake = received;
      return;
    }
    this.handshake = null;
    const status = Number(received.subarray(0, end).toString('latin1').split(' ')[1]);
    if (status !== 101) {
      this.fail(new Error(`upgrade refused: HTTP ${status}`));
      return;
    }
    clearTimeout(this.timer);
    this.readyState = 'open';
    this.on.open();
    const rest = received.subarray(end + HEADER_END.length);
    if (rest.length > 0) this.readFrames(rest);
  }

  private readFrames(chunk: Buffer) {
    let buffer = chunk;
    if (this.leftover) {
      buffer = Buffer.concat([this.leftover, chunk]);
      this.leftover = null;
    }
    let at = 0;
    while (at < buffer.length && this.readyState === 'open') {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, buffer.length - at);
        if (this.collecting) this.parts.push(buffer.subarray(at, at + take));
        at += take;
        this.remaining -= take;
        if (this.remaining === 0) this.endFrame();
        continue;
      }
      const available = buffer.length - at;
      if (available < 2) break;
      const second = buffer[at + 1] ?? 0;
      let length = second & 0x7f;
      let header = 2;
      if (length === 126) {
        if (available < 4) break;
        length = buffer.readUInt16BE(at + 2);
        header = 4;
      } else if (length === 127) {
        if (available < 10) break;
        length = Number(buffer.readBigUInt64BE(at + 2));
        header = 10;
      }
      if (second & 0x80) {
        this.fail(new Error('the server sent a masked frame'));
        return;
      }
      const first = buffer[at] ?? 0;
      const opcode = first & 0x0f;
      if (opcode !== OPCODE_CONTINUATION) {
        this.opcode = opcode;
        this.parts = [];
        this.messageLength = 0;
        this.collecting = opcode >= OPCODE_CLOSE || this.inspect;
      }
      this.fin = (first & 0x80) !== 0;
      this.messageLength += length;
      this.remaining = length;
      at += header;
      if (length === 0) this.endFrame();
    }
    // A header cut by the chunk boundary waits for the next chunk (copied: chunks are not ours).
    if (at < buffer.length && this.remaining === 0)
      this.leftover = Buffer.from(buffer.subarray(at));
  }

  private endFrame() {
    if (!this.fin) return;
    const payload = this.collecting ? Buffer.concat(this.parts) : null;
    this.parts = [];
    if (this.opcode === OPCODE_CLOSE) {
      const code = payload && payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
      const reason = payload ? payload.subarray(2).toString() : '';
      this.socket.destroy();
      this.closed(code, reason);
    } else if (this.opcode === OPCODE_PING) {
      this.sendControl(0xa, payload ?? Buffer.alloc(0));
    } else if (this.opcode < OPCODE_CLOSE) {
      this.on.message(payload, this.messageLength);
    }
  }

  private fail(error: Error) {
    clearTimeout(this.timer);
    if (this.readyState === 'closed') return;
    this.on.error(error);
    this.socket.destroy();
    this.closed(1006, error.message);
  }

  private closed(code: number, reason: string) {
    clearTimeout(this.timer);
    if (this.readyState === 'closed') return;
    this.readyState = 'closed';
    this.on.close(code, reason);
  }
}
