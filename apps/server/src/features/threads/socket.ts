// The threads' socket.io face: each typed event is validated, rate limited and answered with an
// acknowledgement ({ ok, data } or { ok: false, error: { code } }); changes reach the channel's
// room on every node through the adapter; who is in which channel goes to the presence store.

import {
  type AckCallback,
  type OnlineMember,
  type ThreadClientEvents,
  type ThreadError,
  ThreadErrorCode,
  type ThreadServerEvents,
} from '@uccn/protocol';
import type { PresenceStore } from '@uccn/realtime';
import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import { AppError } from '../../errors';
import type { SessionUser } from '../../http/context';
import type { Logger } from '../../logger';
import type { Metrics } from '../../metrics/metrics';
import type { CommentService } from '../comments/service';
import type { NotificationService } from '../notifications/service';
import { ChannelPresence, channelRoom } from './channel-presence';
import { TokenBuckets } from './rate-limit';
import { EventSchemas } from './schemas';
import type { ThreadService } from './service';

export interface SocketData {
  user: SessionUser;
  member?: OnlineMember;
}

export type ThreadsIo = Server<
  ThreadClientEvents,
  ThreadServerEvents,
  Record<string, never>,
  SocketData
>;
type ThreadSocket = Socket<
  ThreadClientEvents,
  ThreadServerEvents,
  Record<string, never>,
  SocketData
>;

export interface ThreadSocketOptions {
  threads: ThreadService;
  comments: CommentService;
  notifications: NotificationService;
  presence: PresenceStore;
  nodeId: string;
  /** The city (slug and name) of a user, for presence and typing. */
  cityOf(cityId: number | null): Promise<OnlineMember['city']>;
  metrics: Metrics;
  /** Per person: posts at once, then per minute. */
  limits: { postBurst: number; postsPerMinute: number };
  log: Logger;
}

/** Any event: a steady 20 a second with bursts of 40; well past that the socket is cut. */
const EVENT_BURST = 40;
const EVENTS_PER_SECOND = 20;
/** Refusals in a row (nothing allowed between) after which the client is cut off. */
const FLOOD_STRIKES_BEFORE_DISCONNECT = 200;

const APP_TO_THREAD_CODE: Partial<Record<string, ThreadErrorCode>> = {
  validation_failed: ThreadErrorCode.InvalidPayload,
  unauthorized: ThreadErrorCode.Unauthorized,
  forbidden: ThreadErrorCode.Forbidden,
  channel_not_found: ThreadErrorCode.ChannelNotFound,
  document_not_found: ThreadErrorCode.ChannelNotFound,
  topic_not_found: ThreadErrorCode.TopicNotFound,
  message_not_found: ThreadErrorCode.MessageNotFound,
  topic_locked: ThreadErrorCode.TopicLocked,
  muted: ThreadErrorCode.Muted,
  message_too_long: ThreadErrorCode.MessageTooLong,
  rate_limited: ThreadErrorCode.RateLimited,
};

const userRoom = (userId: string) => `user:${userId}`;
const commentsRoom = (documentId: string) => `comments:${documentId}`;

export class ThreadSockets {
  private readonly events = new TokenBuckets(EVENT_BURST, EVENTS_PER_SECOND);
  private readonly posts: TokenBuckets;
  private readonly topicChannels = new Map<string, string>();
  private readonly channelPresence: ChannelPresence;
  private readonly sweep: NodeJS.Timeout;

  constructor(
    private readonly io: ThreadsIo,
    private readonly options: ThreadSocketOptions,
  ) {
    this.channelPresence = new ChannelPresence(io, options.presence, options.nodeId, options.log);
    this.posts = new TokenBuckets(options.limits.postBurst, options.limits.postsPerMinute / 60);
    options.threads.broadcast = {
      topicChanged: (topic) => io.to(channelRoom(topic.channelId)).emit('topic:changed', { topic }),
      messageChanged: (message) =>
        io.to(channelRoom(message.channelId)).emit('message:changed', { message }),
    };
    options.comments.broadcast = {
      changed: (comment) =>
        io.to(commentsRoom(comment.documentId)).emit('comment:changed', { comment }),
    };
    options.notifications.push = {
      created: (userId, notification, unread) =>
        io.to(userRoom(userId)).emit('notification:new', { notification, unread }),
      read: (userId, unread) => io.to(userRoom(userId)).emit('notification:read', { unread }),
    };
    io.on('connection', (socket) => this.connected(socket));
    this.sweep = setInterval(() => {
      this.events.sweep();
      this.posts.sweep();
    }, 60_000);
    this.sweep.unref();
  }

  close() {
    clearInterval(this.sweep);
  }

  /** Removes sockets that may no longer read a document's channel (its access list changed). */
  async recheckDocumentChannel(channelId: string) {
    const sockets = await this.io.in(channelRoom(channelId)).fetchSockets();
    for (const socket of sockets) {
      try {
        await this.options.threads.channels.resolve(socket.data.user, channelId);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        socket.leave(channelRoom(channelId));
      }
    }
  }

  /** Removes sockets watching a document's comments that may no longer read it. */
  async recheckCommentWatchers(documentId: string) {
    const sockets = await this.io.in(commentsRoom(documentId)).fetchSockets();
    for (const socket of sockets) {
      try {
        await this.options.comments.authorize(socket.data.user, documentId);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        socket.leave(commentsRoom(documentId));
      }
    }
  }

  private connected(socket: ThreadSocket) {
    const { threads, log } = this.options;
    const user = socket.data.user;
    const joined = new Set<string>();
    let strikes = 0;
    // Listeners go on before any await, so that nothing sent right after connecting is lost.
    const member = (async (): Promise<OnlineMember> => {
      socket.data.member ??= {
        userId: user.id,
        name: user.name,
        city: await this.options.cityOf(user.cityId),
      };
      return socket.data.member;
    })();

    const handle = <E extends keyof typeof EventSchemas, T>(
      event: E,
      run: (payload: z.infer<(typeof EventSchemas)[E]>) => Promise<T>,
      options: { post?: boolean } = {},
    ) => {
      socket.on(
        event as never,
        (async (payload: unknown, ack: unknown) => {
          if (typeof ack !== 'function') {
            socket.emit('thread:error', {
              event,
              error: {
                code: 'invalid_payload',
                message: `${event} needs an acknowledgement callback.`,
              },
            });
            return;
          }
          const reply: AckCallback<T> = (response) => {
            this.options.metrics.threadEvents.inc({
              event,
              outcome: response.ok ? 'ok' : response.error.code,
            });
            (ack as AckCallback<T>)(response);
          };
          const flooding = this.limit(socket);
          if (flooding) {
            if (++strikes > FLOOD_STRIKES_BEFORE_DISCONNECT) socket.disconnect(true);
            reply({ ok: false, error: flooding });
            return;
          }
          strikes = 0;
          const parsed = EventSchemas[event].safeParse(payload);
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            reply({
              ok: false,
              error: {
                code: 'invalid_payload',
                message: `${event}: ${issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'invalid payload'}`,
              },
            });
            return;
          }
          // Only a well-formed post counts against the person's posting rate.
          const tooFast = options.post ? this.limit(socket, user.id) : null;
          if (tooFast) {
            reply({ ok: false, error: tooFast });
            return;
          }
          try {
            reply({ ok: true, data: await run(parsed.data as z.infer<(typeof EventSchemas)[E]>) });
          } catch (error) {
            reply({ ok: false, error: this.toThreadError(error, event) });
          }
        }) as never,
      );
    };

    this.options.metrics.threadSockets.inc();
    socket.join(userRoom(user.id));
    if (socket.recovered) {
      for (const room of socket.rooms) {
        if (room.startsWith('channel:')) joined.add(room.slice('channel:'.length));
      }
      for (const channelId of joined) {
        void member.then((who) =>
          this.channelPresence.enter(socket.id, channelId, who, user.cityId),
        );
      }
    }

    handle('channel:join', async ({ channelId }) => {
      const channel = await threads.channels.resolve(user, channelId);
      socket.join(channelRoom(channel.row.id));
      joined.add(channel.row.id);
      const online = await this.channelPresence.enter(
        socket.id,
        channel.row.id,
        await member,
        user.cityId,
      );
      return { channel: await threads.channels.summary(user, channel), online };
    });
    handle('channel:leave', async ({ channelId }) => {
      if (joined.delete(channelId)) {
        socket.leave(channelRoom(channelId));
        await this.channelPresence.exit(socket.id, channelId);
      }
      return null;
    });
    handle('channel:sync', ({ channelId, seq }) => threads.changesSince(user, channelId, seq));
    handle('topic:create', (input) => threads.createTopic(user, input), { post: true });
    handle('message:post', async (input) => ({ message: await threads.post(user, input) }), {
      post: true,
    });
    handle('message:edit', async (input) => ({ message: await threads.edit(user, input) }), {
      post: true,
    });
    handle('message:delete', async (input) => ({ message: await threads.remove(user, input) }));
    handle('reaction:toggle', async (input) => ({
      message: await threads.toggleReaction(user, input),
    }));
    handle('topic:read', (input) => threads.markRead(user, input));
    handle('comments:watch', async ({ documentId }) => {
      await this.options.comments.authorize(user, documentId);
      socket.join(commentsRoom(documentId));
      return null;
    });
    handle('comments:unwatch', async ({ documentId }) => {
      socket.leave(commentsRoom(documentId));
      return null;
    });

    // Typing events are handled one after another, so that "stopped" never overtakes "typing".
    let typingQueue = Promise.resolve();
    const typing = async (payload: unknown) => {
      const parsed = EventSchemas.typing.safeParse(payload);
      if (!parsed.success) {
        socket.emit('thread:error', {
          event: 'typing',
          error: { code: 'invalid_payload', message: 'typing: { topicId, typing }' },
        });
        return;
      }
      try {
        const channelId = await this.channelOfTopic(user, parsed.data.topicId);
        if (!joined.has(channelId)) {
          socket.emit('thread:error', {
            event: 'typing',
            error: { code: 'not_joined', message: 'Join the channel before typing in it.' },
          });
          return;
        }
        socket.to(channelRoom(channelId)).emit('typing', {
          channelId,
          topicId: parsed.data.topicId,
          user: await member,
          typing: parsed.data.typing,
        });
      } catch (error) {
        socket.emit('thread:error', {
          event: 'typing',
          error: this.toThreadError(error, 'typing'),
        });
      }
    };
    socket.on('typing', (payload: unknown) => {
      // Limited before queueing, so that a flood cannot grow the queue.
      const limited = this.limit(socket);
      if (limited) socket.emit('thread:error', { event: 'typing', error: limited });
      else typingQueue = typingQueue.then(() => typing(payload));
    });

    socket.onAny((event: string, ...args: unknown[]) => {
      if (event in EventSchemas) return;
      const ack = args.at(-1);
      const error: ThreadError = { code: 'invalid_payload', message: `Unknown event ${event}.` };
      if (typeof ack === 'function') ack({ ok: false, error });
      else socket.emit('thread:error', { event, error });
    });

    socket.on('disconnect', () => {
      this.options.metrics.threadSockets.dec();
      this.events.forget(socket.id);
      for (const channelId of joined) void this.channelPresence.exit(socket.id, channelId);
      log.debug({ user: user.id }, 'threads socket closed');
    });
  }

  /** The socket's event rate, or (with a user id) that person's posting rate. */
  private limit(socket: ThreadSocket, postingUserId?: string): ThreadError | null {
    const wait = postingUserId ? this.posts.take(postingUserId) : this.events.take(socket.id);
    if (!wait) return null;
    return {
      code: 'rate_limited',
      message: `Too many ${postingUserId ? 'posts' : 'events'}; wait ${wait} s.`,
      retryAfter: wait,
    };
  }

  private async channelOfTopic(user: SessionUser, topicId: string) {
    const known = this.topicChannels.get(topicId);
    if (known) return known;
    const { row } = await this.options.threads.resolveTopic(user, topicId);
    if (this.topicChannels.size > 10_000) this.topicChannels.clear();
    this.topicChannels.set(topicId, row.channelId);
    return row.channelId;
  }

  private toThreadError(error: unknown, event: string): ThreadError {
    if (error instanceof AppError) {
      // A document's comments name the missing document; its channel's events, the channel.
      const code =
        event.startsWith('comments:') && error.code === 'document_not_found'
          ? ThreadErrorCode.DocumentNotFound
          : APP_TO_THREAD_CODE[error.code];
      if (code) {
        const retryAfter = (error.details as { retryAfter?: number } | undefined)?.retryAfter;
        return { code, message: error.message, ...(retryAfter ? { retryAfter } : {}) };
      }
    }
    this.options.log.error({ err: error, event }, 'threads event failed');
    return { code: 'internal', message: 'Something went wrong on the server; try again.' };
  }
}
