// Followed channels over a fake socket: joined on connect, caught up from the highest seq seen
// after a drop that was not recovered, left by the last follower.
import type { Ack, ChannelChanges, ChannelSummary } from '@uccn/protocol';
import { describe, expect, it } from 'vitest';
import { ChannelRooms } from './ChannelRooms';
import type { ThreadSocket } from './socket';

type Handler = (...args: never[]) => void;

/** Just what ChannelRooms uses of a socket.io client socket, answering from a table. */
class FakeSocket {
  connected = false;
  recovered = false;
  readonly sent: { event: string; payload: unknown }[] = [];
  private readonly handlers = new Map<string, Set<Handler>>();

  constructor(private readonly answer: (event: string, payload: unknown) => Ack<unknown>) {}

  on(event: string, handler: Handler) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)?.add(handler);
    return this;
  }

  off(event: string, handler: Handler) {
    this.handlers.get(event)?.delete(handler);
    return this;
  }

  /** What the server (or socket.io itself) would emit to the client. */
  fire(event: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(event) ?? [])
      (handler as (...a: unknown[]) => void)(...args);
  }

  timeout() {
    return {
      emitWithAck: async (event: string, payload: unknown) => {
        this.sent.push({ event, payload });
        return this.answer(event, payload);
      },
    };
  }

  asSocket(): ThreadSocket {
    // The fake has the members ChannelRooms calls; the rest of socket.io's API is not used.
    return this as unknown as ThreadSocket;
  }
}

const channel = (seq: number) => ({ id: 'c1', seq }) as ChannelSummary;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp(syncPages: ChannelChanges[] = []) {
  const joined: { seq: number; first: boolean }[] = [];
  const changes: ChannelChanges[] = [];
  let channelSeq = 10;
  const socket = new FakeSocket((event) => {
    if (event === 'channel:join') {
      return { ok: true, data: { channel: channel(channelSeq), online: [] } };
    }
    if (event === 'channel:sync') {
      const page = syncPages.shift();
      return page
        ? { ok: true, data: page }
        : { ok: false, error: { code: 'internal', message: 'none' } };
    }
    return { ok: true, data: null };
  });
  const rooms = new ChannelRooms({
    onJoined: (summary, first) => joined.push({ seq: summary.seq, first }),
    onChanges: (change) => changes.push(change),
    onError: (error) => {
      throw error;
    },
  });
  rooms.attach(socket.asSocket());
  const connect = async (recovered: boolean) => {
    socket.connected = true;
    socket.recovered = recovered;
    socket.fire('connect');
    await settle();
  };
  const drop = () => {
    socket.connected = false;
    socket.fire('disconnect', 'transport close');
  };
  return {
    rooms,
    socket,
    joined,
    changes,
    connect,
    drop,
    setSeq: (seq: number) => (channelSeq = seq),
  };
}

const events = (socket: FakeSocket) => socket.sent.map((sent) => sent.event);

describe('ChannelRooms', () => {
  it('joins a channel followed before the socket connected, once it connects', async () => {
    const { rooms, socket, joined, connect } = setUp();
    rooms.follow('c1');
    expect(socket.sent).toEqual([]);
    await connect(false);
    expect(socket.sent).toEqual([{ event: 'channel:join', payload: { channelId: 'c1' } }]);
    expect(joined).toEqual([{ seq: 10, first: true }]);
  });

  it('re-joins after an unrecovered drop and asks for what changed after the highest seq seen', async () => {
    const page = (seq: number, more: boolean): ChannelChanges => ({
      channelId: 'c1',
      seq,
      topics: [],
      messages: [],
      more,
    });
    const { rooms, socket, joined, changes, connect, drop, setSeq } = setUp([
      page(20, true),
      page(25, false),
    ]);
    rooms.follow('c1');
    await connect(false);
    socket.fire('message:changed', { message: { channelId: 'c1', seq: 14 } });
    drop();
    setSeq(25);
    await connect(false);
    expect(socket.sent.slice(1).map((sent) => sent.payload)).toEqual([
      { channelId: 'c1' },
      { channelId: 'c1', seq: 14 },
      { channelId: 'c1', seq: 20 },
    ]);
    expect(changes.map((change) => change.seq)).toEqual([20, 25]);
    expect(joined.at(-1)).toEqual({ seq: 25, first: false });
  });

  it('asks for nothing when socket.io recovered the session', async () => {
    const { rooms, socket, connect, drop } = setUp();
    rooms.follow('c1');
    await connect(false);
    drop();
    await connect(true);
    expect(events(socket)).toEqual(['channel:join']);
  });

  it('keeps the room while a follower is left and leaves with the last one', async () => {
    const { rooms, socket, connect } = setUp();
    const first = rooms.follow('c1');
    const second = rooms.follow('c1');
    await connect(false);
    first();
    first();
    expect(events(socket)).toEqual(['channel:join']);
    second();
    await settle();
    expect(events(socket)).toEqual(['channel:join', 'channel:leave']);
  });

  it('tracks who is online from the join and from presence events', async () => {
    const { rooms, socket, connect, drop } = setUp();
    rooms.follow('c1');
    await connect(false);
    const ana = { userId: 'u1', name: 'Ana', city: null };
    socket.fire('channel:online', { channelId: 'c1', online: [ana] });
    expect(rooms.online('c1')).toEqual([ana]);
    drop();
    expect(rooms.online('c1')).toEqual([]);
  });
});
