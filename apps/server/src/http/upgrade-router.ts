// Routes WebSocket upgrades on the shared HTTP server by path. socket.io answers its own path;
// everything else not registered here is refused with a plain HTTP error, at once.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** Writes an HTTP error response on a socket that asked to upgrade, then closes it. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string, body = '') {
  if (!socket.writable) return;
  const payload = JSON.stringify({ error: { code: reason, message: body || reason } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`,
  );
}

export class UpgradeRouter {
  private readonly routes: { prefix: string; handler: UpgradeHandler }[] = [];

  /** Paths that another listener on the server (socket.io) handles itself. */
  constructor(private readonly passThroughPrefixes: string[]) {}

  register(prefix: string, handler: UpgradeHandler) {
    this.routes.push({ prefix, handler });
  }

  readonly handle = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const pathname = (request.url ?? '/').split('?')[0] ?? '/';
    if (this.passThroughPrefixes.some((prefix) => pathname.startsWith(prefix))) return;
    const route = this.routes.find(({ prefix }) => pathname.startsWith(prefix));
    if (!route) {
      refuseUpgrade(socket, 404, 'not_found', `No WebSocket endpoint at ${pathname}.`);
      return;
    }
    route.handler(request, socket, head);
  };
}
