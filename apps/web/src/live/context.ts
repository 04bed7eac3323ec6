// The live connection as React sees it: the socket, its state, the followed channels and the
// outbox of pending messages, shared by every page through one provider.

import type { OnlineMember } from '@uccn/protocol';
import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import type { Outbox, PendingMessage } from '../discussions/outbox';
import type { ThreadCache } from '../discussions/queries';
import type { ChannelRooms } from './ChannelRooms';
import type { ThreadSocket } from './socket';

/**
 * `connecting` before the first connection; `reconnecting` after a drop, while socket.io retries;
 * `offline` when it gave up (the server refused us); `signedOut` with no user.
 */
export type ConnectionStatus =
  | 'signedOut'
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'offline';

export interface LiveConnection {
  socket: ThreadSocket | null;
  status: ConnectionStatus;
  rooms: ChannelRooms;
  outbox: Outbox;
  /** Where socket answers land, so that every page sees them. */
  cache: ThreadCache;
}

export const LiveContext = createContext<LiveConnection | null>(null);

export function useLive(): LiveConnection {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive needs a LiveProvider above it');
  return live;
}

/** Follows a channel while the component is mounted (joins it over the socket). */
export function useFollowChannel(channelId: string | undefined): void {
  const { rooms } = useLive();
  useEffect(() => (channelId ? rooms.follow(channelId) : undefined), [rooms, channelId]);
}

export function useOnlineMembers(channelId: string): OnlineMember[] {
  const { rooms } = useLive();
  return useSyncExternalStore(
    (listener) => rooms.subscribe(listener),
    () => rooms.online(channelId),
  );
}

export function usePendingMessages(): PendingMessage[] {
  const { outbox } = useLive();
  return useSyncExternalStore(outbox.subscribe, outbox.getSnapshot);
}
