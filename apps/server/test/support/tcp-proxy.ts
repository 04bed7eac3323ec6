// A TCP proxy for tests: stands between clients and a server (Redis, or several server nodes) and
// can cut every connection on demand, refuse new ones, then let them through again; with several
// targets it fails over to the next one when the current target refuses a connection.
import net from 'node:net';

export interface ProxyTarget {
  host: string;
  port: number;
}

export interface TcpProxyOptions {
  /** Where connections go: the first that accepts, starting from the last one that did. */
  targets: ProxyTarget[];
  /** Interface to listen on; 127.0.0.1 by default. */
  host?: string;
}

export class TcpProxy {
  /** Every target that accepted a connection, in order (a failover shows as a new entry). */
  readonly routed: ProxyTarget[] = [];
  private readonly sockets = new Set<net.Socket>();
  private refusing = false;
  private current = 0;

  private constructor(
    private readonly server: net.Server,
    private readonly targets: ProxyTarget[],
    readonly port: number,
  ) {
    server.on('connection', (client) => this.accept(client));
  }

  /**
   * Listens on a free port in front of the targets.
   * @example const proxy = await TcpProxy.start({ targets: [{ host: '127.0.0.1', port: 6379 }] });
   * const url = `redis://127.0.0.1:${proxy.port}`;
   */
  static async start(options: TcpProxyOptions): Promise<TcpProxy> {
    if (options.targets.length === 0) throw new Error('a proxy needs at least one target');
    const server = net.createServer({ pauseOnConnect: true });
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('the proxy has no port');
    return new TcpProxy(server, [...options.targets], address.port);
  }

  /** `scheme://127.0.0.1:<port>`, e.g. `url('redis')` or `url('http')`. */
  url(scheme: string) {
    return `${scheme}://127.0.0.1:${this.port}`;
  }

  /** Connections open through the proxy now (client side and target side). */
  get openSockets() {
    return this.sockets.size;
  }

  get isCut() {
    return this.refusing;
  }

  /** Destroys every open connection and refuses new ones until `restore()`. */
  cut() {
    this.refusing = true;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  /** Lets new connections through again (existing ones were gone with the cut). */
  restore() {
    this.refusing = false;
  }

  /** Closes the listener and every connection. */
  async close() {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private track(socket: net.Socket) {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    // Errors end the pair (see `pair`); without a listener they would crash the test process.
    socket.on('error', () => socket.destroy());
  }

  private accept(client: net.Socket) {
    if (this.refusing) {
      client.destroy();
      return;
    }
    this.track(client);
    this.connectTarget(client, 0);
  }

  /** Tries the current target; if it refuses, moves on to the next until all were tried. */
  private connectTarget(client: net.Socket, attempts: number) {
    if (client.destroyed || this.refusing) return client.destroy();
    if (attempts >= this.targets.length) return client.destroy();
    const index = this.current;
    const target = this.targets[index];
    if (!target) return client.destroy();
    const upstream = net.connect(target.port, target.host);
    const onConnectError = () => {
      upstream.destroy();
      this.current = (index + 1) % this.targets.length;
      this.connectTarget(client, attempts + 1);
    };
    upstream.once('error', onConnectError);
    upstream.once('connect', () => {
      upstream.off('error', onConnectError);
      if (client.destroyed || this.refusing) {
        upstream.destroy();
        client.destroy();
        return;
      }
      this.routed.push(target);
      this.track(upstream);
      this.pair(client, upstream);
    });
  }

  private pair(client: net.Socket, upstream: net.Socket) {
    // Either side closing, or failing, ends both, as a broken network path would.
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
    client.resume();
  }
}
