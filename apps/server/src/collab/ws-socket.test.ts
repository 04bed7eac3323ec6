// Frames written straight to the socket, read by a real ws client: every length encoding, in order
// with frames ws itself sends (pings), and nothing after the close.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { binaryFrame, WsCollabSocket } from './ws-socket';

const LENGTHS = [0, 1, 125, 126, 65_535, 65_536, 200_000];

function payload(length: number, seed: number) {
  const bytes = new Uint8Array(length);
  for (let index = 0; index < length; index += 1) bytes[index] = (index * 31 + seed) & 0xff;
  return bytes;
}

let server: Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

/** A server whose every connection is handed to `onSocket` as the room would see it. */
async function serve(onSocket: (socket: WsCollabSocket, ws: WebSocket) => void) {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  server = createServer();
  server.on('upgrade', (request, raw, head) => {
    wss.handleUpgrade(request, raw, head, (ws) => onSocket(new WsCollabSocket(ws, raw), ws));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('WsCollabSocket', () => {
  it('sends frames a stock client reads, for every length encoding, in order with pings', async () => {
    const sent = LENGTHS.map((length, index) => payload(length, index));
    const url = await serve((socket, ws) => {
      for (const [index, message] of sent.entries()) {
        socket.send(message);
        // The same message again: the frame built for the first send is reused.
        socket.send(message);
        if (index % 2 === 0) ws.ping();
      }
    });
    const client = new WebSocket(url);
    const received: Buffer[] = [];
    let pings = 0;
    client.on('ping', () => {
      pings += 1;
    });
    await new Promise<void>((resolve, reject) => {
      client.on('error', reject);
      client.on('message', (data: Buffer, isBinary) => {
        expect(isBinary).toBe(true);
        received.push(data);
        if (received.length === sent.length * 2) resolve();
      });
    });
    expect(received.map((data) => data.byteLength)).toEqual(LENGTHS.flatMap((n) => [n, n]));
    // Byte comparison (deep equality of 200 KB arrays element by element takes seconds).
    const same = received.map(
      (data, index) => Buffer.compare(data, sent[index >> 1] ?? new Uint8Array()) === 0,
    );
    expect(same.every(Boolean)).toBe(true);
    expect(pings).toBe(Math.ceil(LENGTHS.length / 2));
    client.close();
  });

  it('writes nothing once the connection is closing', async () => {
    let afterClose: (() => void) | undefined;
    const url = await serve((socket) => {
      socket.close(4000, 'bye');
      afterClose = () => socket.send(payload(10, 1));
    });
    const client = new WebSocket(url);
    const messages: unknown[] = [];
    client.on('message', (data) => messages.push(data));
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => {
      client.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
      client.on('open', () => afterClose?.());
    });
    expect(closed).toEqual({ code: 4000, reason: 'bye' });
    expect(messages).toEqual([]);
  });

  it('encodes the length as RFC 6455 says', () => {
    expect([...binaryFrame(payload(3, 0)).subarray(0, 2)]).toEqual([0x82, 3]);
    expect([...binaryFrame(payload(300, 0)).subarray(0, 4)]).toEqual([0x82, 126, 1, 44]);
    expect([...binaryFrame(payload(65_536, 0)).subarray(0, 10)]).toEqual([
      0x82, 127, 0, 0, 0, 0, 0, 1, 0, 0,
    ]);
  });
});
