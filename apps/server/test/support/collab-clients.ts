// Collaboration clients for tests: the stock y-websocket provider, and a raw protocol client
// for what the provider never sends (acks, bad frames, spoofed awareness).
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  message = 'condition',
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A WebSocket class that sends the given cookie, for the provider's `WebSocketPolyfill`. */
function webSocketWithCookie(cookie: string | undefined) {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
    }
  };
}

export interface ProviderOptions {
  cookie?: string;
  token?: string;
  doc?: Y.Doc;
  connect?: boolean;
}

/** The stock y-websocket provider, unmodified, pointed at our /collab endpoint. */
export function openProvider(baseUrl: string, documentId: string, options: ProviderOptions = {}) {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(
    `${baseUrl.replace(/^http/, 'ws')}/collab`,
    documentId,
    doc,
    {
      WebSocketPolyfill: webSocketWithCookie(
        options.cookie,
      ) as unknown as typeof globalThis.WebSocket,
      params: options.token ? { token: options.token } : {},
      connect: options.connect ?? true,
      disableBc: true,
    },
  );
  return { doc, provider };
}

export function whenSynced(provider: WebsocketProvider, timeoutMs = 5000) {
  return waitFor(() => provider.synced, timeoutMs, 'provider sync');
}

export function syncStep1(doc: Y.Doc) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  return encoding.toUint8Array(encoder);
}

export function syncUpdate(update: Uint8Array) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function awarenessMessage(entries: { clientId: number; clock: number; state: unknown }[]) {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientId);
    encoding.writeVarUint(inner, entry.clock);
    encoding.writeVarString(inner, JSON.stringify(entry.state));
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

/** A raw client: sends frames as given and records every frame and the close. */
export class RawCollabClient {
  readonly frames: Uint8Array[] = [];
  closed: { code: number; reason: string } | null = null;
  unexpected: number | null = null;
  readonly socket: WebSocket;
  readonly opened: Promise<void>;

  constructor(url: string, cookie?: string) {
    this.socket = new WebSocket(url, cookie ? { headers: { cookie } } : {});
    this.socket.on('message', (data: Buffer) => this.frames.push(new Uint8Array(data)));
    this.socket.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
    });
    this.socket.on('error', () => {});
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('unexpected-response', (_request, response) => {
        this.unexpected = response.statusCode ?? 0;
        reject(new Error(`HTTP ${response.statusCode}`));
      });
      this.socket.once('error', reject);
    });
  }

  send(data: Uint8Array | string) {
    this.socket.send(data);
  }

  /** Frames of one message type (first varuint). */
  framesOfType(type: number) {
    return this.frames.filter(
      (frame) => frame.length > 0 && decoding.readVarUint(decoding.createDecoder(frame)) === type,
    );
  }

  close() {
    this.socket.close();
  }
}
