// The Node HTTP server: the Hono app, socket.io and WebSocket upgrades, all on one port.

import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { schema } from '@uccn/db';
import { COLLAB_PATH_PREFIX, THREADS_MAX_FRAME_BYTES } from '@uccn/protocol';
import { eq } from 'drizzle-orm';
import { Server as SocketIoServer } from 'socket.io';
import { userFromHeaders } from '../auth/session';
import { ThreadSockets, type ThreadsIo } from '../features/threads/socket';
import type { App } from './app';
import type { AppServices } from './context';
import { UpgradeRouter } from './upgrade-router';

export const SOCKET_IO_PATH = '/socket.io/';

export interface RunningServer {
  url: string;
  port: number;
  http: HttpServer;
  io: ThreadsIo;
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

  const io: ThreadsIo = new SocketIoServer(http, {
    path: SOCKET_IO_PATH,
    serveClient: false,
    // Our upgrade router refuses unknown paths itself, at once.
    destroyUpgrade: false,
    // A message is at most 10,000 characters (40 KB as UTF-8 in the worst case) plus its
    // envelope: a bigger frame is not a message, and socket.io closes the connection.
    maxHttpBufferSize: THREADS_MAX_FRAME_BYTES,
    // A client back within two minutes gets the events it missed and its rooms; later, it
    // catches up through `channel:sync`. With Redis this needs the streams adapter.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
    ...(services.threadsAdapter ? { adapter: services.threadsAdapter } : {}),
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

  const threadSockets = new ThreadSockets(io, {
    threads: services.threads,
    comments: services.comments,
    notifications: services.notifications,
    presence: services.presence,
    nodeId: config.nodeId,
    limits: config.threads,
    metrics: services.metrics,
    log: log.child({ module: 'threads' }),
    cityOf: async (cityId) => {
      if (cityId === null) return null;
      const [city] = await services.db
        .select({ slug: schema.cities.slug, name: schema.cities.name })
        .from(schema.cities)
        .where(eq(schema.cities.id, cityId));
      return city ?? null;
    },
  });
  // Who may read a document's channel and watch its comments follows its access list, at once.
  services.documents.onAccessChange((documentId) => {
    void (async () => {
      await threadSockets.recheckCommentWatchers(documentId);
      const [channel] = await services.db
        .select({ id: schema.channels.id })
        .from(schema.channels)
        .where(eq(schema.channels.documentId, documentId));
      if (channel) await threadSockets.recheckDocumentChannel(channel.id);
    })().catch((error) => log.warn({ err: error }, 'could not recheck a document channel'));
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
      threadSockets.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
