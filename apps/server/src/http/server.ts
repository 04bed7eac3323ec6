// The Node HTTP server: the Hono app, socket.io and WebSocket upgrades, all on one port.

import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { COLLAB_PATH_PREFIX } from '@uccn/protocol';
import { Server as SocketIoServer } from 'socket.io';
import { userFromHeaders } from '../auth/session';
import type { App } from './app';
import type { AppServices } from './context';
import { UpgradeRouter } from './upgrade-router';

export const SOCKET_IO_PATH = '/socket.io/';

export interface RunningServer {
  url: string;
  port: number;
  http: HttpServer;
  io: SocketIoServer;
  upgrades: UpgradeRouter;
  close(): Promise<void>;
}

export async function listen(app: App, services: AppServices): Promise<RunningServer> {
  const { config, log } = services;
  const http = createAdaptorServer({ fetch: app.fetch }) as HttpServer;
  // Keep-alive longer than common proxies' idle timeouts, so the proxy closes first.
  http.keepAliveTimeout = 65_000;

  const upgrades = new UpgradeRouter([SOCKET_IO_PATH]);
  upgrades.register(COLLAB_PATH_PREFIX, services.collab.handleUpgrade);
  http.on('upgrade', upgrades.handle);

  const io = new SocketIoServer(http, {
    path: SOCKET_IO_PATH,
    serveClient: false,
    // Our upgrade router refuses unknown paths itself, at once.
    destroyUpgrade: false,
    maxHttpBufferSize: 64 * 1024,
  });
  io.use(async (socket, next) => {
    try {
      const headers = new Headers();
      for (const [name, value] of Object.entries(socket.request.headers)) {
        if (typeof value === 'string') headers.set(name, value);
      }
      const user = await userFromHeaders(services.auth, headers);
      if (!user) {
        next(Object.assign(new Error('unauthorized'), { data: { code: 'unauthorized' } }));
        return;
      }
      socket.data.user = user;
      next();
    } catch (error) {
      log.error({ err: error }, 'socket.io authentication failed');
      next(Object.assign(new Error('internal'), { data: { code: 'internal' } }));
    }
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    http,
    io,
    upgrades,
    close: async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
