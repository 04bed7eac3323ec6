// The /collab WebSocket endpoint: authenticates and authorizes at the upgrade (HTTP 401/403/404
// before any WebSocket exists), then hands the socket to the document's room. Also the live side
// of documents for the HTTP API (state, restore) and the periodic re-check of open connections.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type Connection, RoomRegistry, restoreContent, UpdateLog } from '@uccn/collab';
import { DrizzleUpdateStore } from '@uccn/collab/drizzle';
import { type Database, type RawQuery, schema } from '@uccn/db';
import { CloseCode, COLLAB_PATH_PREFIX, CollabQuery } from '@uccn/protocol';
import type { FanoutBus, PresenceStore } from '@uccn/realtime';
import { eq, inArray } from 'drizzle-orm';
import { type WebSocket, WebSocketServer } from 'ws';
import * as Y from 'yjs';
import type { Auth } from '../auth/auth';
import { userFromHeaders } from '../auth/session';
import type { CollabConfig } from '../config';
import { documentAccessFor } from '../features/documents/access';
import type { DocumentService } from '../features/documents/service';
import type { CollabTokens } from '../features/documents/token';
import type { LiveDocuments } from '../features/documents/versions';
import type { SessionUser } from '../http/context';
import { refuseUpgrade } from '../http/upgrade-router';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics/metrics';
import { DocumentFanout } from './document-fanout';
import { ExpiringCache } from './expiring-cache';
import { identityOf } from './identity';
import { WsCollabSocket } from './ws-socket';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PING_INTERVAL_MS = 30_000;
/**
 * Group-commit window of the update log: updates arriving within it share one INSERT. Only saved
 * acks wait for it (broadcasts never do); each commit saved is CPU here and in Postgres.
 */
const COMMIT_WINDOW_MS = 4;
/**
 * The window when no sender waits for a saved ack (stock clients cannot see them, and resend
 * their state when they reconnect): fewer commits, more CPU left for broadcasts.
 */
const RELAXED_COMMIT_WINDOW_MS = 25;
const CHANGE_TIMES_SQL =
  'select id, updated_at::text as at from documents where id = any($1::uuid[])';

/** A client that passed the checks at the upgrade. */
interface Admitted {
  documentId: string;
  user: SessionUser;
  city: { name: string; slug: string } | null;
  access: 'write' | 'read';
  wantsAcks: boolean;
}

export interface CollabServerOptions {
  nodeId: string;
  /** The driver's raw query, for the update log's group commit. */
  query?: RawQuery;
  config: CollabConfig;
  metrics: Metrics;
  presence: PresenceStore;
  /** The bus to other nodes; undefined on a single node. */
  bus?: FanoutBus;
  db: Database;
  auth: Auth;
  documents: DocumentService;
  tokens: CollabTokens;
  log: Logger;
  onAutoVersion?: (documentId: string, state: Uint8Array) => Promise<void>;
}

export class CollabServer implements LiveDocuments {
  readonly registry: RoomRegistry;
  readonly updateLog: UpdateLog;
  private readonly wss: WebSocketServer;
  private readonly users = new Map<Connection, SessionUser>();
  private readonly connectionsPerUser = new Map<string, number>();
  private readonly cityCache = new Map<number, { name: string; slug: string } | null>();
  /** When each open document last changed (documents.updated_at), as the periodic re-check saw it. */
  private readonly lastChange = new Map<string, string>();
  /** Sessions seen at upgrades, for a few seconds (sign-out reaches new sockets within that). */
  private readonly sessionCache = new ExpiringCache<string, SessionUser | null>(10_000);
  /** Access facts of documents, for a moment; dropped at once when this node changes them. */
  private readonly accessCache = new ExpiringCache<
    string,
    Awaited<ReturnType<DocumentService['facts']>>
  >(2_000);
  private readonly recheckTimer: NodeJS.Timeout;
  private readonly log: Logger;

  readonly fanout: DocumentFanout | undefined;

  constructor(private readonly options: CollabServerOptions) {
    this.log = options.log;
    const { metrics } = options;
    const store = new DrizzleUpdateStore(options.db, options.query);
    this.updateLog = new UpdateLog(store, {
      commitWindowMs: COMMIT_WINDOW_MS,
      relaxedCommitWindowMs: RELAXED_COMMIT_WINDOW_MS,
      onCommit: (rows, _bytes, ms) => {
        metrics.updates.inc(rows);
        metrics.saveBatches.observe(rows);
        metrics.saveLatency.observe(ms / 1000);
      },
    });
    this.registry = new RoomRegistry({
      store,
      log: this.updateLog,
      limits: options.config.limits,
      logger: options.log,
      autoVersionMs: options.config.autoVersionMs,
      onAutoVersion: options.onAutoVersion,
      onUpdate: (documentId, update) => this.fanout?.publishUpdate(documentId, update),
      onAwareness: (documentId, update) => this.fanout?.publishAwareness(documentId, update),
      onRoomOpened: (room) => {
        metrics.openDocuments.inc();
        this.fanout?.attach(room);
      },
      onRoomClosed: (room) => {
        metrics.openDocuments.dec();
        this.fanout?.detach(room);
      },
    });
    this.fanout = options.bus
      ? new DocumentFanout(
          options.bus,
          options.nodeId,
          () => this.registry.all(),
          metrics,
          options.log,
          options.config.catchUpMs,
        )
      : undefined;
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.config.maxFrameBytes,
      perMessageDeflate: false,
    });
    options.documents.onAccessChange((documentId) => {
      this.accessCache.delete(documentId);
      void this.recheck(documentId);
    });
    this.recheckTimer = setInterval(() => void this.recheckAll(), options.config.accessRecheckMs);
    this.recheckTimer.unref();
  }

  /** The upgrade handler for `/collab/<documentId>`. */
  readonly handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    this.authorizeUpgrade(request).then(
      (result) => {
        if ('status' in result) {
          refuseUpgrade(socket, result.status, result.code, result.message);
          return;
        }
        let accepted = false;
        this.wss.handleUpgrade(request, socket, head, (ws) => {
          accepted = true;
          this.accept(ws, socket, result);
        });
        // Without verifyClient, ws accepts or aborts the handshake synchronously: an aborted
        // one frees the slot authorizeUpgrade reserved.
        if (!accepted) this.releaseSlot(result.user.id);
      },
      (error: unknown) => {
        this.log.error({ err: error }, 'collab upgrade failed');
        refuseUpgrade(socket, 500, 'internal', 'The server could not open this document.');
      },
    );
  };

  private async authorizeUpgrade(
    request: IncomingMessage,
  ): Promise<{ status: number; code: string; message: string } | Admitted> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const documentId = decodeURIComponent(url.pathname.slice(COLLAB_PATH_PREFIX.length));
    if (!UUID.test(documentId))
      return { status: 404, code: 'document_not_found', message: 'There is no such document.' };
    const user = await this.authenticate(request, url, documentId);
    if (!user)
      return { status: 401, code: 'unauthorized', message: 'Sign in, or pass a valid ?token=.' };
    const facts = await this.accessCache.getOrLoad(documentId, () =>
      this.options.documents.facts(documentId),
    );
    if (!facts)
      return { status: 404, code: 'document_not_found', message: 'There is no such document.' };
    const access = documentAccessFor(user, facts);
    if (!access)
      return {
        status: 403,
        code: 'forbidden',
        message: 'This document is not shared with your city.',
      };
    const city = await this.cityOf(user.cityId);
    // Checked and reserved after the last await: concurrent upgrades cannot all pass the check
    // before any of them is counted.
    const open = this.connectionsPerUser.get(user.id) ?? 0;
    if (open >= this.options.config.maxConnectionsPerUser) {
      return {
        status: 429,
        code: 'rate_limited',
        message: 'Too many open connections for this user.',
      };
    }
    this.connectionsPerUser.set(user.id, open + 1);
    return {
      documentId,
      user,
      city,
      access,
      wantsAcks: url.searchParams.get(CollabQuery.acks) === '1',
    };
  }

  /**
   * The user behind the upgrade's token or cookie. Lookups are cached for a few seconds: a client
   * reconnecting or opening many documents costs one session lookup, not one per socket.
   */
  private async authenticate(
    request: IncomingMessage,
    url: URL,
    documentId: string,
  ): Promise<SessionUser | null> {
    const token = url.searchParams.get(CollabQuery.token);
    if (token) {
      const payload = this.options.tokens.verify(token, documentId);
      if (!payload) return null;
      return this.sessionCache.getOrLoad(`user:${payload.u}`, () => this.userById(payload.u));
    }
    const cookie = request.headers.cookie;
    if (!cookie) return null;
    return this.sessionCache.getOrLoad(`cookie:${cookie}`, () =>
      userFromHeaders(this.options.auth, new Headers({ cookie })),
    );
  }

  private async userById(userId: string): Promise<SessionUser | null> {
    const [row] = await this.options.db
      .select({
        id: schema.users.id,
        name: schema.users.name,
        email: schema.users.email,
        role: schema.users.role,
        cityId: schema.users.cityId,
        disabled: schema.users.disabled,
      })
      .from(schema.users)
      .where(eq(schema.users.id, userId));
    return row && !row.disabled
      ? { id: row.id, name: row.name, email: row.email, role: row.role, cityId: row.cityId }
      : null;
  }

  private async cityOf(cityId: number | null) {
    if (cityId === null) return null;
    if (!this.cityCache.has(cityId)) {
      const [city] = await this.options.db
        .select({ name: schema.cities.name, slug: schema.cities.slug })
        .from(schema.cities)
        .where(eq(schema.cities.id, cityId));
      this.cityCache.set(cityId, city ?? null);
    }
    return this.cityCache.get(cityId) ?? null;
  }

  private accept(
    ws: WebSocket,
    raw: Duplex,
    { documentId, user, city, access, wantsAcks }: Admitted,
  ) {
    const { room, connection } = this.registry.connect(documentId, {
      socket: new WsCollabSocket(ws, raw),
      identity: identityOf(user, city),
      access,
      wantsAcks,
    });
    // Listeners are attached before any await: nothing the client sends is lost.
    this.users.set(connection, user);
    this.options.metrics.connections.inc();
    const presenceId = `${this.options.nodeId}:${connection.id}`;
    void this.options.presence.add({
      connectionId: presenceId,
      userId: user.id,
      name: user.name,
      cityId: user.cityId,
      citySlug: city?.slug ?? null,
      cityName: city?.name ?? null,
      kind: 'document',
      targetId: documentId,
      node: this.options.nodeId,
      since: new Date().toISOString(),
    });
    let alive = true;
    const ping = setInterval(() => {
      if (!alive) {
        ws.terminate();
        return;
      }
      alive = false;
      ws.ping();
    }, PING_INTERVAL_MS);
    ping.unref();
    ws.on('pong', () => {
      alive = true;
    });
    ws.on('message', (data: Buffer, isBinary) => {
      if (!isBinary) {
        connection.close(CloseCode.MalformedMessage);
        return;
      }
      room.handleMessage(connection, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      clearInterval(ping);
      room.leave(connection);
      this.users.delete(connection);
      this.options.metrics.connections.dec();
      void this.options.presence.remove(presenceId);
      this.releaseSlot(user.id);
    });
  }

  /** Frees a connection slot of a user, reserved in authorizeUpgrade. */
  private releaseSlot(userId: string) {
    const left = (this.connectionsPerUser.get(userId) ?? 1) - 1;
    if (left > 0) this.connectionsPerUser.set(userId, left);
    else this.connectionsPerUser.delete(userId);
  }

  /** Closes connections whose access was revoked or changed; they reconnect with the new access. */
  async recheck(documentId: string) {
    const room = this.registry.get(documentId);
    if (!room || room.connections.size === 0) return;
    const facts = await this.options.documents.facts(documentId);
    for (const connection of [...room.connections]) {
      const user = this.users.get(connection);
      if (!user) continue;
      if (!facts) {
        connection.close(CloseCode.DocumentGone);
        continue;
      }
      if (documentAccessFor(user, facts) !== connection.access)
        connection.close(CloseCode.AccessChanged);
    }
  }

  /**
   * Catches access changes made elsewhere (another node's API): one query for every open
   * document's last change, then a full check only of the documents that changed.
   */
  private async recheckAll() {
    const open = [...this.registry.all()]
      .filter((room) => room.connections.size > 0)
      .map((room) => room.documentId);
    const openSet = new Set(open);
    for (const id of this.lastChange.keys()) if (!openSet.has(id)) this.lastChange.delete(id);
    if (open.length === 0) return;
    try {
      const changedAt = await this.changeTimes(open);
      for (const documentId of open) {
        const at = changedAt.get(documentId) ?? '';
        if (this.lastChange.get(documentId) === at) continue;
        this.lastChange.set(documentId, at);
        this.accessCache.delete(documentId);
        await this.recheck(documentId);
      }
    } catch (error) {
      this.log.warn({ err: error }, 'access re-check failed; will retry');
    }
  }

  /**
   * documents.updated_at of each id, as text (only compared for equality). Runs on the event loop
   * every few seconds: one array parameter, not one per document as the query builder would
   * make, keeps it from stalling broadcasts for tens of ms when hundreds of documents are open.
   */
  private async changeTimes(ids: string[]): Promise<Map<string, string>> {
    const { query } = this.options;
    if (query) {
      const { rows } = await query<{ id: string; at: string }>(
        CHANGE_TIMES_SQL,
        [ids],
        'uccn_collab_change_times',
      );
      return new Map(rows.map((row) => [row.id, row.at]));
    }
    const rows = await this.options.db
      .select({ id: schema.documents.id, updatedAt: schema.documents.updatedAt })
      .from(schema.documents)
      .where(inArray(schema.documents.id, ids));
    return new Map(rows.map((row) => [row.id, row.updatedAt.toISOString()]));
  }

  async state(documentId: string): Promise<Uint8Array> {
    return this.withRoom(documentId, async (room) => Y.encodeStateAsUpdate(room.doc));
  }

  async restore(documentId: string, state: Uint8Array): Promise<void> {
    await this.withRoom(documentId, (room) =>
      room.applyServerEdit((doc) => restoreContent(doc, state), 'restore'),
    );
  }

  /** Runs `task` on the document's room, loading it for the time of the task if needed. */
  private async withRoom<T>(
    documentId: string,
    task: (room: ReturnType<RoomRegistry['open']>) => Promise<T>,
  ) {
    const room = this.registry.open(documentId);
    await room.loaded;
    if (room.status !== 'ready') throw new Error(`document ${documentId} could not be loaded`);
    try {
      return await task(room);
    } finally {
      if (room.connections.size === 0) this.registry.releaseIdle(room);
    }
  }

  get connectionCount() {
    return this.users.size;
  }

  async close() {
    clearInterval(this.recheckTimer);
    await this.fanout?.close();
    await this.registry.shutdown(CloseCode.ServerShuttingDown);
    await this.updateLog.drained();
    this.wss.close();
  }
}
