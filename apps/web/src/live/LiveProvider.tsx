// Opens the app's one socket.io connection while someone is signed in, routes its events into
// the query caches (threads, notifications), and tells the app whether it is connected.
import { useQueryClient } from '@tanstack/react-query';
import { ThreadErrorCode } from '@uccn/protocol';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { queryKeys, useMe } from '../api/queries';
import { Outbox } from '../discussions/outbox';
import { ThreadCache, threadKeys } from '../discussions/queries';
import { addNotification, markReadInCache, notificationKeys } from '../notifications/queries';
import { ChannelRooms } from './ChannelRooms';
import { type ConnectionStatus, type LiveConnection, LiveContext } from './context';
import {
  connectThreadSocket,
  LiveErrorCode,
  LiveRequestError,
  request,
  type ThreadSocket,
} from './socket';

/** After the server refused or closed the connection, the wait before trying again. */
const RETRY_AFTER_REFUSAL_MS = 15_000;

const REFUSALS_THAT_CHANGE_RIGHTS = new Set<string>([
  ThreadErrorCode.Muted,
  ThreadErrorCode.TopicLocked,
  ThreadErrorCode.Forbidden,
]);

export function LiveProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const userId = useMe().data?.user.id ?? null;
  const socketRef = useRef<ThreadSocket | null>(null);
  const [socket, setSocket] = useState<ThreadSocket | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>('signedOut');

  // Made once: pages keep their subscriptions and pending messages across reconnections.
  const [{ cache, rooms, outbox }] = useState(() => {
    const cache = new ThreadCache(queryClient);
    const rooms = new ChannelRooms({
      onJoined: (channel, first) => cache.joined(channel, first),
      onChanges: (changes) => cache.changes(changes),
      // The page shows its own HTTP error for a channel it cannot read; this is for the record.
      onError: (error, channelId) => console.warn(`[live] channel ${channelId}:`, error),
    });
    const outbox = new Outbox(
      async (item) => {
        const current = socketRef.current;
        if (!current) throw new LiveRequestError(LiveErrorCode.Offline, 'Not connected');
        const payload = { topicId: item.topicId, body: item.body, idempotencyKey: item.key };
        try {
          return (await request(current, 'message:post', payload)).message;
        } catch (error) {
          // Refused for a reason the page should show (muted, locked): take the rights again.
          if (error instanceof LiveRequestError && REFUSALS_THAT_CHANGE_RIGHTS.has(error.code)) {
            void queryClient.invalidateQueries({ queryKey: threadKeys.channels });
            void queryClient.invalidateQueries({ queryKey: threadKeys.topic(item.topicId) });
          }
          throw error;
        }
      },
      () => socketRef.current?.connected ?? false,
      (message) => cache.message(message),
    );
    return { cache, rooms, outbox };
  });

  useEffect(() => {
    if (!userId) {
      setStatus('signedOut');
      return;
    }
    const created = connectThreadSocket();
    socketRef.current = created;
    setStatus('connecting');
    rooms.attach(created);
    // Refused or closed by the server, socket.io stops retrying. Find out whether we are still
    // signed in (signed out, this effect closes the socket), and try again later if so.
    let retry: ReturnType<typeof setTimeout> | undefined;
    const refused = () => {
      setStatus('offline');
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      clearTimeout(retry);
      retry = setTimeout(() => created.connect(), RETRY_AFTER_REFUSAL_MS);
    };
    created.on('connect', () => {
      setStatus('connected');
      outbox.flush();
    });
    created.on('disconnect', (reason) => {
      // The server closed the session (signed out elsewhere, say): socket.io will not retry.
      if (reason === 'io server disconnect') refused();
      else if (reason !== 'io client disconnect') {
        setStatus('reconnecting');
      }
    });
    created.on('connect_error', (error) => {
      if (created.active) {
        setStatus('reconnecting');
      } else {
        console.warn('[live] connection refused:', error.message);
        refused();
      }
    });
    created.on('message:changed', ({ message }) => cache.message(message));
    created.on('topic:changed', ({ topic }) => cache.topic(topic));
    created.on('notification:new', ({ notification, unread }) =>
      addNotification(queryClient, notification, unread),
    );
    created.on('notification:read', ({ unread }) => {
      markReadInCache(queryClient, [], unread);
      // Another tab read some: which ones, only the list can tell.
      void queryClient.invalidateQueries({ queryKey: notificationKeys.list });
    });
    created.on('thread:error', ({ event, error }) =>
      console.warn(`[live] ${event} refused: ${error.code} ${error.message}`),
    );
    setSocket(created);
    return () => {
      clearTimeout(retry);
      rooms.detach();
      // The next user of this page must not see (or send) this one's unsent messages.
      outbox.clear();
      created.removeAllListeners();
      created.disconnect();
      socketRef.current = null;
      setSocket(null);
    };
  }, [userId, queryClient, rooms, outbox, cache]);

  const value = useMemo<LiveConnection>(
    () => ({ socket, status, rooms, outbox, cache }),
    [socket, status, rooms, outbox, cache],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}
