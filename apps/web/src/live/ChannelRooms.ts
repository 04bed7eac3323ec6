// The channels this browser follows over the socket: joined while a page needs them, re-joined
// and caught up with `channel:sync` after a reconnect that socket.io could not recover, with who
// is online in each. Pages follow and unfollow; the socket may come and go underneath.
import type { ChannelChanges, ChannelSummary, OnlineMember } from '@uccn/protocol';
import { request, type ThreadSocket } from './socket';

export interface ChannelRoomHandlers {
  /** Joined; `first` is false for a re-join after a drop, whose changes came through onChanges. */
  onJoined: (channel: ChannelSummary, first: boolean) => void;
  onChanges: (changes: ChannelChanges) => void;
  onError: (error: unknown, channelId: string) => void;
}

interface Room {
  followers: number;
  joined: boolean;
  /** The highest channel counter this browser has seen; null before the first join. */
  seq: number | null;
  online: OnlineMember[];
}

const NOBODY: OnlineMember[] = [];

export class ChannelRooms {
  private readonly rooms = new Map<string, Room>();
  private readonly listeners = new Set<() => void>();
  private socket: ThreadSocket | null = null;
  private detachSocket: (() => void) | null = null;

  constructor(private readonly handlers: ChannelRoomHandlers) {}

  /** Starts using a socket; rooms followed already are joined as soon as it connects. */
  attach(socket: ThreadSocket): void {
    this.detach();
    this.socket = socket;
    const onConnect = () => this.rejoin(socket.recovered);
    const onDisconnect = () => {
      for (const room of this.rooms.values()) {
        room.joined = false;
        room.online = NOBODY;
      }
      this.notify();
    };
    const onOnline = ({ channelId, online }: { channelId: string; online: OnlineMember[] }) => {
      const room = this.rooms.get(channelId);
      if (!room) return;
      room.online = online;
      this.notify();
    };
    const onMessage = ({ message }: { message: { channelId: string; seq: number } }) =>
      this.noteSeq(message.channelId, message.seq);
    const onTopic = ({ topic }: { topic: { channelId: string; seq: number } }) =>
      this.noteSeq(topic.channelId, topic.seq);
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('channel:online', onOnline);
    socket.on('message:changed', onMessage);
    socket.on('topic:changed', onTopic);
    this.detachSocket = () => {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('channel:online', onOnline);
      socket.off('message:changed', onMessage);
      socket.off('topic:changed', onTopic);
    };
    if (socket.connected) this.rejoin(false);
  }

  detach(): void {
    this.detachSocket?.();
    this.detachSocket = null;
    this.socket = null;
    // A new socket (another user, say) starts from scratch: nothing seen, nothing joined.
    for (const room of this.rooms.values()) Object.assign(room, { joined: false, seq: null });
  }

  /** Follows a channel until the returned function is called; the last follower leaves it. */
  follow(channelId: string): () => void {
    let room = this.rooms.get(channelId);
    if (!room) {
      room = { followers: 0, joined: false, seq: null, online: NOBODY };
      this.rooms.set(channelId, room);
    }
    room.followers += 1;
    if (room.followers === 1 && this.socket?.connected) void this.join(channelId);
    let followed = true;
    return () => {
      if (!followed) return;
      followed = false;
      this.unfollow(channelId);
    };
  }

  /** Who is online in a channel (the same array until it changes, for useSyncExternalStore). */
  online(channelId: string): OnlineMember[] {
    return this.rooms.get(channelId)?.online ?? NOBODY;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify() {
    for (const listener of this.listeners) listener();
  }

  private noteSeq(channelId: string, seq: number) {
    const room = this.rooms.get(channelId);
    if (room && room.seq !== null) room.seq = Math.max(room.seq, seq);
  }

  private unfollow(channelId: string) {
    const room = this.rooms.get(channelId);
    if (!room) return;
    room.followers -= 1;
    if (room.followers > 0) return;
    this.rooms.delete(channelId);
    this.notify();
    const socket = this.socket;
    if (room.joined && socket?.connected) {
      request(socket, 'channel:leave', { channelId }).catch((error: unknown) =>
        this.handlers.onError(error, channelId),
      );
    }
  }

  /** After a connect: a recovered session kept its rooms; otherwise join again and catch up. */
  private rejoin(recovered: boolean) {
    for (const [channelId, room] of this.rooms) {
      if (recovered && room.seq !== null) room.joined = true;
      else void this.join(channelId);
    }
    this.notify();
  }

  private async join(channelId: string) {
    const socket = this.socket;
    if (!socket) return;
    try {
      const { channel, online } = await request(socket, 'channel:join', { channelId });
      const room = this.rooms.get(channelId);
      if (!room || this.socket !== socket) return;
      room.joined = true;
      room.online = online;
      this.notify();
      const seen = room.seq;
      if (seen === null) {
        room.seq = channel.seq;
      } else {
        room.seq = await this.catchUp(socket, channelId, seen);
      }
      this.handlers.onJoined(channel, seen === null);
    } catch (error) {
      this.handlers.onError(error, channelId);
    }
  }

  /** Asks for everything after `seq` until the server has no more; returns the new counter. */
  private async catchUp(socket: ThreadSocket, channelId: string, seq: number): Promise<number> {
    let from = seq;
    for (;;) {
      const changes = await request(socket, 'channel:sync', { channelId, seq: from });
      this.handlers.onChanges(changes);
      const room = this.rooms.get(channelId);
      const previous = from;
      from = Math.max(from, changes.seq);
      if (room) room.seq = Math.max(room.seq ?? 0, from);
      // A counter that does not move would loop for ever: stop, the next drop asks again.
      if (!changes.more || from <= previous) return room?.seq ?? from;
    }
  }
}
